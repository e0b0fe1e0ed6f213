// Held-out stories, seventy-fifth round, part one: an Akka cluster that lost a node with no
// downing provider configured, so the unreachable member is never downed, the shard coordinator on
// it is never moved and callers get "Ask timed out"; a revision that added the bandwidth plugin's
// kubernetes.io/egress-bandwidth annotation at 1M, so uploads to S3 crawl and time out; a
// Localhost seccomp profile present on the old node group but not on the new one, so pods there
// fail with CreateContainerError; a Go consumer decoding an upstream payment id into an int32
// after the ids crossed 2^31-1; an image rebuild that pulled numpy 2 under a pandas built against
// numpy 1.x; a php.ini ConfigMap whose max_execution_time was lowered, so long exports die; and a
// healthy control: a Java 17 service printing the setSecurityManager deprecation warning at start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, clfTime, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe,
  nameOf, node, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, startedNormally,
  tcpProbe, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Logback's default `%d{yyyy-MM-dd HH:mm:ss.SSS}`. */
const jTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');

// ---- 1. Akka cluster without a downing provider loses a node ----------------------------------------

function akkaNoDowning(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.86', ['14', '131', '140']);
  const lost = names[2] ?? '';
  nodes[2] = node({ name: lost, zone: 'eu-west-1c', ready: 'Unknown', readySince: 34 });
  const image = `${ECR}/orders/order-service:7.3.2`;
  const app = deploymentApp({
    namespace: ns,
    name: 'order-service',
    replicas: 3,
    revisions: [
      {
        revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: order-service 7.3.2',
        template: {
          serviceAccountName: 'order-service',
          containers: [container({
            image, cpu: '1', memory: '2Gi',
            ports: [{ name: 'http', containerPort: 8080 }, { name: 'remoting', containerPort: 25520 }, { name: 'management', containerPort: 8558 }],
            env: [
              { name: 'JAVA_OPTS', value: '-XX:MaxRAMPercentage=70 -Dconfig.file=/etc/order-service/application.conf' },
              { name: 'AKKA_CLUSTER_BOOTSTRAP_SERVICE_NAME', value: 'order-service' },
              { name: 'REQUIRED_CONTACT_POINT_NR', value: '2' },
            ],
            readiness: httpProbe('/ready', 'management', { periodSeconds: 10 }),
            liveness: httpProbe('/alive', 'management', { initialDelaySeconds: 20 }),
            volumeMounts: [{ name: 'akka-conf', mountPath: '/etc/order-service' }],
          })],
          volumes: [{ name: 'akka-conf', configMap: { name: 'order-service-akka' } }],
        },
      },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 41, node: names[1] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 41, node: lost, createdAgo: 9 * DAYS - 4, ready: false, deletingAgo: 28 },
      { revision: 41, node: names[0] ?? '', createdAgo: 28, ready: false, containers: { app: running({ sinceAgo: 27.6, ready: false }) } },
    ],
  });
  const [p0, p1, p2, p3] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  const addr = (p: k8s.V1Pod) => `akka://orders@${ipOfPod(p)}:25520`;
  const conf = configMap({
    namespace: ns, name: 'order-service-akka', createdAgo: 160 * DAYS, updatedAgo: 9 * DAYS,
    data: {
      'application.conf': lines(
        'akka {',
        '  loglevel = INFO',
        '  actor.provider = cluster',
        '  remote.artery.canonical.port = 25520',
        '  cluster {',
        '    roles = ["orders"]',
        '    shutdown-after-unsuccessful-join-seed-nodes = 60s',
        '    sharding {',
        '      number-of-shards = 120',
        '      passivation.default-idle-strategy.idle-entity.timeout = 10m',
        '      remember-entities = off',
        '    }',
        '  }',
        '  management {',
        '    http.port = 8558',
        '    cluster.bootstrap.contact-point-discovery {',
        '      discovery-method = kubernetes-api',
        '      required-contact-point-nr = ${?REQUIRED_CONTACT_POINT_NR}',
        '    }',
        '  }',
        '  discovery.kubernetes-api.pod-label-selector = "app=%s"',
        '}',
        'order-service.ask-timeout = 5s',
      ),
    },
  });
  const unreachable = `Member(${addr(p2)}, Up)`;
  const survivor = (p: k8s.V1Pod, k: number): string => {
    const out = [
      `${jTime(9 * DAYS - 2 * k)} INFO  akka.event.slf4j.Slf4jLogger - Slf4jLogger started`,
      `${jTime(9 * DAYS - 2 * k)} INFO  akka.remote.artery.tcp.ArteryTcpTransport - Remoting started with transport [Artery tcp]; listening on address [${addr(p)}] with UID [${-4312977712398 + k * 7781}]`,
      `${jTime(9 * DAYS - 2 * k)} INFO  akka.cluster.Cluster - Cluster Node [${addr(p)}] - Starting up, Akka version [2.6.21] ...`,
      `${jTime(9 * DAYS - 2 * k)} INFO  akka.cluster.Cluster - Cluster Node [${addr(p)}] - No downing-provider-class configured, manual cluster downing required, see https://doc.akka.io/docs/akka/current/typed/cluster.html#downing`,
      `${jTime(9 * DAYS - 2 * k)} INFO  akka.management.cluster.bootstrap.ClusterBootstrap - Initiating bootstrap procedure using kubernetes-api method...`,
      `${jTime(9 * DAYS - 2 * k - 0.5)} INFO  akka.cluster.Cluster - Cluster Node [${addr(p)}] - Welcome from [${addr(p2)}]`,
      `${jTime(9 * DAYS - 2 * k - 0.6)} INFO  com.acme.orders.HttpServer - Order API bound to /0.0.0.0:8080`,
      `${jTime(34.2)} WARN  akka.remote.artery.Association - Outbound control stream to [${addr(p2)}] failed. Restarting it. akka.remote.artery.OutboundHandshake$HandshakeTimeoutException: Handshake with [${addr(p2)}] did not complete within 20000 ms`,
      `${jTime(34.1)} WARN  akka.cluster.Cluster - Cluster Node [${addr(p)}] - Marking node as UNREACHABLE [${unreachable}].`,
      `${jTime(34.0)} WARN  akka.cluster.sharding.ShardRegion - Order: Trying to register to coordinator at [ActorSelection[Anchor(${addr(p2)}/), Path(/system/sharding/OrderCoordinator/singleton/coordinator)]], but no acknowledgement. Total [3] buffered messages. [Coordinator [${unreachable}] is unreachable.]`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 32 - i * 2.2 - k * 0.3;
      if (k === 0) out.push(`${jTime(t)} INFO  akka.cluster.Cluster - Cluster Node [${addr(p)}] - Leader can currently not perform its duties, reachability status: [${addr(p0)} -> ${addr(p2)}: Unreachable [Unreachable] (1), ${addr(p1)} -> ${addr(p2)}: Unreachable [Unreachable] (1)], member status: [${addr(p0)} Up seen=true, ${addr(p1)} Up seen=true, ${addr(p2)} Up seen=false, ${addr(p3)} Joining seen=true]`);
      out.push(`${jTime(t - 0.1)} WARN  akka.cluster.sharding.ShardRegion - Order: Retry request for shards [${17 + i}, ${44 + k}, ${91 - i}] homes from coordinator. [${40 + i * 9 + k * 5}] total buffered messages. Coordinator [${unreachable}] is unreachable.`);
      out.push(`${jTime(t - 0.2)} ERROR com.acme.orders.OrderRoutes - GET /v1/orders/ord_${(88213400 + i * 37 + k * 1000).toString(36)} failed\nakka.pattern.AskTimeoutException: Ask timed out on [Actor[akka://orders/system/sharding/Order#-1702734881]] after [5000 ms]. Message of type [com.acme.orders.OrderEntity$GetOrder]. A typical reason for \`AskTimeoutException\` is that the recipient actor didn't send a reply.\n\tat akka.pattern.PromiseActorRef$.$anonfun$defaultOnTimeout$1(AskSupport.scala:695)\n\tat akka.actor.Scheduler$$anon$7.run(Scheduler.scala:479)\n\tat akka.dispatch.BatchingExecutor$AbstractBatch.processBatch(BatchingExecutor.scala:55)`);
    }
    return out.join('\n') + '\n';
  };
  const joiner = lines(
    `${jTime(27.6)} INFO  akka.event.slf4j.Slf4jLogger - Slf4jLogger started`,
    `${jTime(27.6)} INFO  akka.remote.artery.tcp.ArteryTcpTransport - Remoting started with transport [Artery tcp]; listening on address [${addr(p3)}] with UID [-2209113385514690112]`,
    `${jTime(27.6)} INFO  akka.cluster.Cluster - Cluster Node [${addr(p3)}] - Starting up, Akka version [2.6.21] ...`,
    `${jTime(27.6)} INFO  akka.cluster.Cluster - Cluster Node [${addr(p3)}] - No downing-provider-class configured, manual cluster downing required, see https://doc.akka.io/docs/akka/current/typed/cluster.html#downing`,
    `${jTime(27.5)} INFO  akka.management.cluster.bootstrap.ClusterBootstrap - Initiating bootstrap procedure using kubernetes-api method...`,
    `${jTime(27.3)} INFO  akka.management.cluster.bootstrap.internal.BootstrapCoordinator - Joining [${addr(p3)}] to existing cluster [${addr(p0)}, ${addr(p1)}]`,
    `${jTime(27.3)} INFO  akka.cluster.Cluster - Cluster Node [${addr(p3)}] - Received InitJoinAck message from [Actor[${addr(p0)}/system/cluster/core/daemon#1983554416]] to [${addr(p3)}]`,
    `${jTime(27.2)} INFO  akka.cluster.Cluster - Cluster Node [${addr(p3)}] - Welcome from [${addr(p0)}]`,
    `${jTime(27.2)} WARN  akka.cluster.Cluster - Cluster Node [${addr(p3)}] - Marking node as UNREACHABLE [${unreachable}].`,
    `${jTime(26.9)} INFO  akka.cluster.sharding.ShardRegion - Order: Trying to register to coordinator at [ActorSelection[Anchor(${addr(p2)}/), Path(/system/sharding/OrderCoordinator/singleton/coordinator)]], but no acknowledgement. Total [0] buffered messages. [Coordinator [${unreachable}] is unreachable.]`,
  );
  const objects: KubeJson[] = [
    ...nodes, ...app.objects, conf,
    ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
    ...exposed({ namespace: ns, name: 'order-service-internal', selector: { app: 'order-service' }, headless: true, ports: [{ name: 'management', port: 8558, targetPort: 'management' }], pods: app.pods, endpointPort: 8558 }),
    ...bystander(ns, 'order-notifier', names, 3 * DAYS, { revisions: [12, 13], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS }).objects,
    event({ on: { kind: 'Node', name: lost }, type: 'Normal', reason: 'NodeNotReady', message: `Node ${lost} status is now: NodeNotReady`, firstAgo: 33.7, lastAgo: 33.7, component: 'node-controller' }),
    event({ on: p2, type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 33.7, lastAgo: 33.7, component: 'node-controller' }),
    event({ on: p2, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${nameOf(p2)}`, firstAgo: 28.7, lastAgo: 28.7, component: 'taint-eviction-controller' }),
    event({ on: { kind: 'ReplicaSet', name: rsOf(app, 41), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p3)}`, firstAgo: 28, lastAgo: 28, component: 'replicaset-controller' }),
    ...startedNormally(p3, 'app', image, 28),
    probeFailed(p3, 'app', 'Readiness', 'HTTP probe failed with statuscode: 500', { count: 161, firstAgo: 27, lastAgo: 0.1 }),
  ];
  return {
    id: 'heldout75-akka-unreachable-member-never-downed',
    class: 'config',
    truth: `Node ${lost} stopped reporting 34 minutes ago. The order-service Akka cluster (application.conf in ConfigMap order-service-akka) has no downing provider / split brain resolver configured, so the member on that node (${addr(p2)}) stays UNREACHABLE forever instead of being downed: the leader cannot perform its duties, the replacement pod is stuck Joining (never ready), and the shard coordinator that lived on the lost member is never moved, so sharded requests buffer and fail with "Ask timed out".`,
    ask: { service: 'order-service', namespace: ns },
    objects,
    logs: [
      logsFor(p0, 'app', { current: survivor(p0, 0) }),
      logsFor(p1, 'app', { current: survivor(p1, 1) }),
      logsFor(p3, 'app', { current: joiner }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/down(ing)?[- ]?provider|split[- ]?brain|\bSBR\b|auto-?down|never downed|not (being )?downed|unreachable member|member.{0,40}unreachable|unreachable.{0,40}(never|not) (downed|removed)/i],
      facts: [/ask ?timed ?out|AskTimeout/i, new RegExp(`${lit(lost).source}|NotReady|node.{0,30}(lost|down|unreachable|not ?ready)`, 'i')],
      never: [/\bOOM/, ADVISES_ROLLBACK, /readiness probe.{0,40}(misconfigured|wrong (port|path))/i],
    },
  };
}

// ---- 2. kubernetes.io/egress-bandwidth at 1M ---------------------------------------------------------

function egressBandwidthAnnotation(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.93', ['27', '118', '205']);
  const image = (v: string) => `${ECR}/media/media-ingest:${v}`;
  const tpl = (v: string, annotations?: Record<string, string>) => ({
    ...(annotations === undefined ? {} : { annotations }),
    serviceAccountName: 'media-ingest',
    containers: [container({
      image: image(v), cpu: '500m', memory: '1Gi', ports: [3000],
      env: [
        { name: 'S3_BUCKET', value: 'acme-media-originals-eu-west-1' },
        { name: 'UPLOAD_PART_SIZE_MB', value: '16' },
        { name: 'UPLOAD_TIMEOUT_MS', value: '120000' },
      ],
      readiness: httpProbe('/readyz', 3000), liveness: httpProbe('/livez', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'media-ingest',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: media-ingest 5.2.0', template: tpl('5.2.0') },
      { revision: 19, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: media-ingest 5.2.0 (traffic shaping per pod, PLAT-2291)', template: tpl('5.2.0', { 'kubernetes.io/ingress-bandwidth': '200M', 'kubernetes.io/egress-bandwidth': '1M' }) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 6, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 6 },
  });
  const logOf = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [
      JSON.stringify({ level: 30, time: Date.parse(at(2 * HOURS + 8 - k)), pid: 1, hostname: nameOf(p), msg: 'media-ingest 5.2.0 listening on :3000' }),
    ];
    for (let i = 0; i < 18; i++) {
      const t = 100 - i * 5.5 - k * 0.7;
      const bytes = [48_234_112, 212_991_004, 9_812_220, 131_004_551, 3_211_800, 77_450_113][(i + k) % 6] ?? 1;
      const key = `originals/2026/11/21/${(0x5f3a91 + i * 977 + k * 31).toString(16)}.${bytes > 20_000_000 ? 'mp4' : 'jpg'}`;
      const ms = Math.round((bytes * 8) / 1_000_000 * 1000 * 1.04);
      if (ms > 120_000) {
        out.push(JSON.stringify({ level: 30, time: Date.parse(at(t + 2.1)), pid: 1, hostname: nameOf(p), reqId: `req-${i}${k}`, msg: 'upload accepted', key, bytes }));
        out.push(JSON.stringify({ level: 50, time: Date.parse(at(t)), pid: 1, hostname: nameOf(p), reqId: `req-${i}${k}`, msg: 'S3 PutObject failed', key, bytes, sent: Math.round(120_000 / 1000 * 1_000_000 / 8 * 0.96), elapsed_ms: 120004, err: { type: 'TimeoutError', message: 'Connection timed out after 120000 ms', code: 'TimeoutError', stack: 'TimeoutError: Connection timed out after 120000 ms\n    at ClientRequest.<anonymous> (/app/node_modules/@smithy/node-http-handler/dist-cjs/index.js:354:26)' } }));
      } else {
        out.push(JSON.stringify({ level: 30, time: Date.parse(at(t)), pid: 1, hostname: nameOf(p), reqId: `req-${i}${k}`, msg: 'upload stored', key, bytes, elapsed_ms: ms, throughput_kBps: Math.round(bytes / ms) }));
      }
    }
    return out.join('\n') + '\n';
  };
  const pods = app.pods;
  const objects: KubeJson[] = [
    ...nodes, ...app.objects,
    ...exposed({ namespace: ns, name: 'media-ingest', selector: { app: 'media-ingest' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods, endpointPort: 3000 }),
    ...bystander(ns, 'media-thumbnailer', names, 5 * HOURS, { revisions: [44, 45], versions: ['3.0.7', '3.0.8'], olderAgo: 9 * DAYS }).objects,
    scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 0, 2 * HOURS + 10),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 3, 2 * HOURS + 6),
  ];
  return {
    id: 'heldout75-egress-bandwidth-annotation-throttles-uploads',
    class: 'network',
    truth: 'Revision 19 of media-ingest added the bandwidth CNI plugin annotations kubernetes.io/ingress-bandwidth: 200M and kubernetes.io/egress-bandwidth: 1M to the pod template; the 1M egress cap (1 Mbit/s, ~125 kB/s) shapes every pod\'s outbound traffic, so uploads to S3 crawl at ~120 kB/s and large ones hit the 120 s timeout. The pods are otherwise healthy.',
    ask: { service: 'media-ingest', namespace: ns },
    objects,
    logs: pods.map((p, k) => logsFor(p, 'app', { current: logOf(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/egress[- ]bandwidth|bandwidth (limit|cap|annotation|shaping)|egress.{0,30}(1M|1 ?Mbit|throttl|shap|cap|limit)/i],
      facts: [/\b1M\b|1 ?Mbit|1 ?Mbps/i],
      never: [/\bOOM/, /NetworkPolicy.{0,40}(block|deny|drop)/i, /(DNS|coredns).{0,30}(fail|broken|timeout)/i],
    },
  };
}

// ---- 3. Localhost seccomp profile missing on the new node group -------------------------------------

function seccompMissingOnNewPool(): CorpusScenario {
  const ns = 'docs';
  const oldNames = ['10.0.41.12', '10.0.42.77', '10.0.43.190'].map(eksNodeName);
  const newNames = ['10.0.41.201', '10.0.42.33', '10.0.43.58'].map(eksNodeName);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = [
    ...oldNames.map((n, i) => node({ name: n, zone: zones[i] ?? '', pool: 'general-al2-v7', createdAgo: 70 * DAYS, ...(i > 0 ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(53 - i) }] } : {}) })),
    ...newNames.map((n, i) => node({ name: n, zone: zones[i] ?? '', pool: 'general-al2023-v8', instanceType: 'm7i.xlarge', createdAgo: 3 * HOURS - i * 4, readySince: 3 * HOURS - i * 4 - 1 })),
  ];
  const image = `${ECR}/docs/docs-renderer:2.14.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'docs-renderer',
    replicas: 4,
    revisions: [
      {
        revision: 9, createdAgo: 20 * DAYS, changeCause: 'argocd: docs-renderer 2.14.0',
        template: {
          securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/docs-renderer-chromium.json' } },
          containers: [container({
            image, cpu: '1', memory: '2Gi', ports: [8080],
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
            readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }),
          })],
        },
      },
    ],
    pods: [
      { revision: 9, node: oldNames[0] ?? '', createdAgo: 20 * DAYS },
      { revision: 9, node: oldNames[0] ?? '', createdAgo: 49 },
      { revision: 9, node: newNames[1] ?? '', createdAgo: 47, containers: { app: waiting('CreateContainerError', secMsg()) } },
      { revision: 9, node: newNames[2] ?? '', createdAgo: 44, containers: { app: waiting('CreateContainerError', secMsg()) } },
    ],
  });
  const [p0, p1, p2, p3] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  const other = deploymentApp({
    namespace: ns,
    name: 'docs-search',
    replicas: 2,
    revisions: [{ revision: 31, createdAgo: 6 * DAYS, changeCause: 'argocd: docs-search 1.8.3', template: { containers: [container({ image: `${ECR}/docs/docs-search:1.8.3` })] } }],
    pods: [{ revision: 31, node: newNames[0] ?? '', createdAgo: 50 }, { revision: 31, node: newNames[1] ?? '', createdAgo: 46 }],
  });
  const failing = (p: k8s.V1Pod, firstAgo: number, count: number): k8s.CoreV1Event[] => [
    scheduled(p, firstAgo + 0.1),
    event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count, firstAgo, lastAgo: 0.4, fieldPath: 'spec.containers{app}' }),
    event({ on: p, reason: 'Failed', message: `Error: ${secMsg()}`, count, firstAgo, lastAgo: 0.4, fieldPath: 'spec.containers{app}' }),
  ];
  const okLog = (p: k8s.V1Pod, since: number) => lines(
    `{"level":"info","time":"${at(since)}","msg":"launching headless chromium","version":"131.0.6778.85","sandbox":"seccomp-bpf"}`,
    `{"level":"info","time":"${at(since - 0.1)}","msg":"docs-renderer 2.14.0 listening","addr":":8080"}`,
    `{"level":"info","time":"${at(3.2)}","msg":"rendered","path":"/guides/billing/invoices","pdf":true,"ms":812,"pod":"${nameOf(p)}"}`,
    `{"level":"info","time":"${at(0.8)}","msg":"rendered","path":"/api/v3/reference","pdf":false,"ms":233,"pod":"${nameOf(p)}"}`,
  );
  const objects: KubeJson[] = [
    ...nodes, ...app.objects, ...other.objects,
    ...exposed({ namespace: ns, name: 'docs-renderer', selector: { app: 'docs-renderer' }, pods: app.pods }),
    ...failing(p2, 46.8, 213), ...failing(p3, 43.8, 199),
    ...startedNormally(p1, 'app', image, 49),
    ...oldNames.slice(1).map((n, i) => event({ on: { kind: 'Node', name: n }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${n} status is now: NodeNotSchedulable`, firstAgo: 52 - i, lastAgo: 52 - i })),
    ...newNames.map((n, i) => event({ on: { kind: 'Node', name: n }, type: 'Normal', reason: 'NodeReady', message: `Node ${n} status is now: NodeReady`, firstAgo: 3 * HOURS - i * 4 - 1, lastAgo: 3 * HOURS - i * 4 - 1 })),
  ];
  return {
    id: 'heldout75-seccomp-localhost-profile-missing-new-pool',
    class: 'nodes',
    truth: 'docs-renderer runs with seccompProfile type Localhost, profiles/docs-renderer-chromium.json, a file that the old node group\'s bootstrap installed under /var/lib/kubelet/seccomp but the new general-al2023-v8 node group does not have. Pods moved onto the new nodes by the node-group migration fail with CreateContainerError "cannot load seccomp profile … no such file or directory"; those on the old node run fine.',
    ask: { service: 'docs-renderer', namespace: ns },
    objects,
    logs: [logsFor(p0, 'app', { current: okLog(p0, 20 * DAYS - 0.5) }), logsFor(p1, 'app', { current: okLog(p1, 48.5) })],
    expect: {
      verdict: 'problems',
      headline: [/seccomp/i],
      facts: [/docs-renderer-chromium\.json|no such file/i, /general-al2023-v8|new node|10-0-42-33|10-0-43-58/i],
      never: [/\bOOM/, /image.{0,20}(pull|not found|missing)/i, ADVISES_ROLLBACK],
    },
  };
}

function secMsg(): string {
  return 'failed to get container spec opts: failed to generate seccomp spec opts: cannot load seccomp profile "/var/lib/kubelet/seccomp/profiles/docs-renderer-chromium.json": open /var/lib/kubelet/seccomp/profiles/docs-renderer-chromium.json: no such file or directory';
}

// ---- 4. Upstream ids crossed 2^31-1, consumer decodes into int32 -------------------------------------

function int32IdOverflow(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.57', ['19', '144', '230']);
  const image = `${ECR}/billing/payout-reconciler:1.22.4`;
  const app = deploymentApp({
    namespace: ns,
    name: 'payout-reconciler',
    replicas: 2,
    revisions: [
      { revision: 7, createdAgo: 40 * DAYS, changeCause: 'argocd: payout-reconciler 1.22.4', template: { containers: [container({
        image, cpu: '250m', memory: '256Mi', ports: [{ name: 'metrics', containerPort: 9102 }],
        env: [
          { name: 'KAFKA_BROKERS', value: 'b-1.billing-msk.x1y2z3.c4.kafka.eu-west-1.amazonaws.com:9098,b-2.billing-msk.x1y2z3.c4.kafka.eu-west-1.amazonaws.com:9098' },
          { name: 'KAFKA_TOPIC', value: 'payments.settled.v1' },
          { name: 'KAFKA_GROUP', value: 'payout-reconciler' },
        ],
        readiness: httpProbe('/ready', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 5 }),
      })] } },
    ],
    pods: [0, 1].map((k) => ({
      revision: 7, node: names[k] ?? '', createdAgo: 40 * DAYS - k,
      containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.5 + k * 1.8, ranSeconds: 4 }, 11 - k) },
    })),
  });
  const pods = app.pods;
  const prev = (k: number): string => {
    const t0 = 1.5 + k * 1.8 + 4 / 60;
    const base = 2147483640 + k;
    const out = [
      `{"level":"info","ts":"${at(t0)}","caller":"cmd/reconciler/main.go:61","msg":"starting payout-reconciler","version":"1.22.4","commit":"c41e0d7"}`,
      `{"level":"info","ts":"${at(t0 - 0.01)}","caller":"consumer/consumer.go:48","msg":"joined consumer group","group":"payout-reconciler","topic":"payments.settled.v1","partitions":[${k === 0 ? '0,2,4' : '1,3,5'}],"generation":${412 + 11 - k}}`,
      `{"level":"info","ts":"${at(t0 - 0.02)}","caller":"consumer/consumer.go:77","msg":"resuming","partition":${k === 0 ? 0 : 1},"offset":${88_412_207 + k * 1311}}`,
      `{"level":"fatal","ts":"${at(t0 - 0.03)}","caller":"consumer/consumer.go:112","msg":"decode message","partition":${k === 0 ? 0 : 1},"offset":${88_412_207 + k * 1311},"error":"json: cannot unmarshal number ${base + 8} into Go struct field PaymentSettled.payment_id of type int32","stacktrace":"main.main\\n\\t/src/cmd/reconciler/main.go:94\\nruntime.main\\n\\t/usr/local/go/src/runtime/proc.go:272"}`,
    ];
    return out.join('\n') + '\n';
  };
  const objects: KubeJson[] = [
    ...nodes, ...app.objects,
    ...exposed({ namespace: ns, name: 'payout-reconciler-metrics', selector: { app: 'payout-reconciler' }, ports: [{ name: 'metrics', port: 9102, targetPort: 'metrics' }], pods, endpointPort: 9102 }),
    ...bystander(ns, 'payments-api', names, 6 * HOURS, { revisions: [120, 121], versions: ['9.41.0', '9.42.0'], olderAgo: 4 * DAYS }).objects,
    ...pods.flatMap((p, k) => [
      ...restartedAgain(p, 'app', image, { count: 11 - k, firstAgo: 51 - k, lastAgo: 1.5 + k * 1.8 + 4 / 60 }),
      backOff(p, 'app', { count: 230 - k * 9, firstAgo: 50.5 - k }),
    ]),
  ];
  return {
    id: 'heldout75-int32-id-overflow-consumer-crashloop',
    class: 'containers',
    truth: 'The upstream payments service\'s payment ids crossed 2^31-1 (2147483647) about 50 minutes ago. payout-reconciler decodes payment_id into a Go int32, so every new message fails with "json: cannot unmarshal number 2147483648… of type int32"; the consumer exits fatally on the first such message and crash-loops. Nothing in payout-reconciler changed (revision 7, 40 days old).',
    ask: { service: 'payout-reconciler', namespace: ns },
    objects,
    logs: pods.map((p, k) => logsFor(p, 'app', { previous: prev(k) })),
    expect: {
      verdict: 'problems',
      headline: [/int32|32-?bit|2\^31|2147483647|214748364[89]|overflow|out of range|cannot unmarshal/i],
      facts: [/214748364[89]/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /(kafka|broker|msk).{0,30}(unreachable|down|unavailable)/i],
    },
  };
}

// ---- 5. numpy 2 under a pandas built against numpy 1.x ----------------------------------------------

function numpyAbiBreak(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.64', ['40', '151', '212']);
  const image = (v: string) => `${ECR}/pricing/price-forecaster:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), cpu: '1', memory: '3Gi', ports: [8000],
    command: ['uvicorn', 'forecaster.api:app', '--host', '0.0.0.0', '--port', '8000', '--workers', '2'],
    readiness: httpProbe('/ready', 8000, { periodSeconds: 5 }), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 20 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'price-forecaster',
    replicas: 4,
    revisions: [
      { revision: 23, createdAgo: 18 * DAYS, changeCause: 'argocd: price-forecaster 3.4.0', template: tpl('3.4.0') },
      { revision: 24, createdAgo: 36, changeCause: 'argocd: price-forecaster 3.4.1 (weekly base image rebuild)', template: tpl('3.4.1') },
    ],
    pods: [
      { revision: 23, node: names[0] ?? '', createdAgo: 18 * DAYS },
      { revision: 23, node: names[1] ?? '', createdAgo: 18 * DAYS - 1 },
      { revision: 23, node: names[2] ?? '', createdAgo: 18 * DAYS - 2 },
      { revision: 24, node: names[1] ?? '', createdAgo: 36, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 3 }, 10) } },
      { revision: 24, node: names[2] ?? '', createdAgo: 36, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.9, ranSeconds: 3 }, 10) } },
    ],
  });
  const bad = [podOf(app, 3), podOf(app, 4)];
  const sp = '/usr/local/lib/python3.11/site-packages';
  const crash = () => lines(
    `INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
    `INFO:     Started parent process [1]`,
    ``,
    `A module that was compiled using NumPy 1.x cannot be run in`,
    `NumPy 2.1.3 as it may crash. To support both 1.x and 2.x`,
    `versions of NumPy, modules must be compiled with NumPy 2.0.`,
    `Some module may need to rebuild instead e.g. with 'pybind11>=2.12'.`,
    ``,
    `If you are a user of the module, the easiest solution will be to`,
    `downgrade to 'numpy<2' or try to upgrade the affected module.`,
    `We expect that some modules will need time to support NumPy 2.`,
    ``,
    `Traceback (most recent call last):  File "<string>", line 1, in <module>`,
    `  File "/usr/local/lib/python3.11/multiprocessing/spawn.py", line 122, in spawn_main`,
    `    exitcode = _main(fd, parent_sentinel)`,
    `  File "${sp}/uvicorn/importer.py", line 19, in import_from_string`,
    `    module = importlib.import_module(module_str)`,
    `  File "/app/forecaster/api.py", line 9, in <module>`,
    `    from forecaster.features import build_features`,
    `  File "/app/forecaster/features.py", line 4, in <module>`,
    `    import pyarrow.parquet as pq`,
    `  File "${sp}/pyarrow/__init__.py", line 65, in <module>`,
    `    import pyarrow.lib as _lib`,
    `AttributeError: _ARRAY_API not found`,
    `Process SpawnProcess-1:`,
    `Traceback (most recent call last):`,
    `  File "/usr/local/lib/python3.11/multiprocessing/process.py", line 314, in _bootstrap`,
    `    self.run()`,
    `  File "${sp}/uvicorn/importer.py", line 19, in import_from_string`,
    `    module = importlib.import_module(module_str)`,
    `  File "/app/forecaster/api.py", line 9, in <module>`,
    `    from forecaster.features import build_features`,
    `  File "/app/forecaster/features.py", line 5, in <module>`,
    `    import pandas as pd`,
    `  File "${sp}/pandas/__init__.py", line 49, in <module>`,
    `    from pandas.core.api import (`,
    `  File "${sp}/pandas/core/api.py", line 1, in <module>`,
    `    from pandas._libs import (`,
    `  File "${sp}/pandas/_libs/__init__.py", line 18, in <module>`,
    `    from pandas._libs.interval import Interval`,
    `  File "interval.pyx", line 1, in init pandas._libs.interval`,
    `ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject`,
    `INFO:     Stopping parent process [1]`,
  );
  const okLog = lines(
    `INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
    `INFO:     Started parent process [1]`,
    `INFO:     Started server process [8]`,
    `INFO:     Waiting for application startup.`,
    `${pyTime(18 * DAYS - 0.4)} INFO forecaster.model loaded model artefact s3://acme-pricing-models/forecaster/2026-11-02/model.lgb (features=212)`,
    `INFO:     Application startup complete.`,
    `INFO:     10.0.64.77:51234 - "POST /v1/forecast HTTP/1.1" 200 OK`,
    `INFO:     10.0.64.91:40118 - "POST /v1/forecast HTTP/1.1" 200 OK`,
  );
  const d = deploymentOf(app);
  const objects: KubeJson[] = [
    ...nodes, ...app.objects,
    ...exposed({ namespace: ns, name: 'price-forecaster', selector: { app: 'price-forecaster' }, pods: app.pods, endpointPort: 8000 }),
    ...bystander(ns, 'pricing-rules', names, 4 * HOURS, { revisions: [60, 61], versions: ['12.0.3', '12.0.4'], olderAgo: 11 * DAYS }).objects,
    scaledReplicaSet(d, rsOf(app, 24), 1, 0, 36),
    scaledReplicaSet(d, rsOf(app, 23), 3, 4, 36),
    scaledReplicaSet(d, rsOf(app, 24), 2, 1, 36),
    ...bad.flatMap((p, k) => [
      scheduled(p, 36),
      event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.4.1')}"`, firstAgo: 35.9, lastAgo: 35.9, fieldPath: 'spec.containers{app}' }),
      event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.4.1')}" in 11.482s (11.482s including waiting). Image size: 498213377 bytes.`, firstAgo: 35.7, lastAgo: 35.7, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(p, 'app', image('3.4.1'), { count: 10, firstAgo: 35.6, lastAgo: 2.2 - k * 1.2 }),
      backOff(p, 'app', { count: 148 - k * 3, firstAgo: 35 }),
    ]),
  ];
  return {
    id: 'heldout75-numpy2-abi-break-after-rebuild',
    class: 'rollout',
    truth: 'The weekly base-image rebuild of price-forecaster (revision 24, 3.4.1) resolved an unpinned numpy to 2.1.3 while the pinned pandas (and pyarrow) wheels were built against numpy 1.x; importing pandas fails with "ValueError: numpy.dtype size changed, may indicate binary incompatibility", so the new pods crash-loop while revision 23\'s pods keep serving.',
    ask: { service: 'price-forecaster', namespace: ns },
    objects,
    logs: [
      ...bad.map((p, k) => logsFor(p, 'app', { previous: crash(), current: lines('INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)', 'INFO:     Started parent process [1]') })),
      logsFor(podOf(app, 0), 'app', { current: okLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/numpy/i],
      facts: [/binary incompatib|dtype size changed|compiled using NumPy 1|numpy ?(2|<2)/i, /revision 24|3\.4\.1/i],
      never: [/\bOOM/, /(liveness|readiness) probe.{0,30}(too|misconfigured|timeout)/i],
    },
  };
}

// ---- 6. php.ini max_execution_time lowered ----------------------------------------------------------

function phpMaxExecutionTime(): CorpusScenario {
  const ns = 'backoffice';
  const { nodes, names } = threeEksNodes('10.0.75', ['33', '109', '241']);
  const fpmImage = `${ECR}/backoffice/admin-portal:2026.11.3`;
  const ngxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const tpl = (restartedAt?: string) => ({
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
    containers: [
      container({ name: 'php-fpm', image: fpmImage, cpu: '500m', memory: '768Mi', ports: [{ name: 'fastcgi', containerPort: 9000 }],
        readiness: tcpProbe('fastcgi'), liveness: tcpProbe('fastcgi', { initialDelaySeconds: 10 }),
        volumeMounts: [{ name: 'php-ini', mountPath: '/usr/local/etc/php/conf.d/zz-app.ini', subPath: 'php.ini' }] }),
      container({ name: 'nginx', image: ngxImage, cpu: '100m', memory: '128Mi', ports: [8080],
        readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080),
        volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d' }] }),
    ],
    volumes: [{ name: 'php-ini', configMap: { name: 'admin-portal-php-ini' } }, { name: 'nginx-conf', configMap: { name: 'admin-portal-nginx' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'admin-portal',
    replicas: 2,
    revisions: [
      { revision: 32, createdAgo: 6 * DAYS, changeCause: 'argocd: admin-portal 2026.11.3', template: tpl() },
      { revision: 33, createdAgo: 51, template: tpl(at(51).replace(/\.\d{3}Z$/, 'Z')) },
    ],
    pods: [0, 1].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 51 - k * 0.6 })),
    settled: { available: true, availableSince: 50, progressingSince: 51, progressingUpdatedAgo: 50 },
  });
  const ini = configMap({
    namespace: ns, name: 'admin-portal-php-ini', createdAgo: 200 * DAYS, updatedAgo: 53,
    data: {
      'php.ini': lines(
        '[PHP]',
        'memory_limit = 1024M',
        'max_execution_time = 20',
        'max_input_time = 60',
        'post_max_size = 64M',
        'upload_max_filesize = 64M',
        'expose_php = Off',
        'display_errors = Off',
        'log_errors = On',
        'error_log = /proc/self/fd/2',
        '',
        '[opcache]',
        'opcache.enable = 1',
        'opcache.memory_consumption = 256',
        'opcache.validate_timestamps = 0',
        '',
        '[Date]',
        'date.timezone = UTC',
      ),
    },
  });
  const ngxConf = configMap({
    namespace: ns, name: 'admin-portal-nginx', createdAgo: 200 * DAYS,
    data: { 'default.conf': lines('server {', '  listen 8080;', '  root /var/www/html/public;', '  location /nginx-health { access_log off; return 200 "ok"; }', '  location / { try_files $uri /index.php$is_args$args; }', '  location ~ \\.php$ {', '    fastcgi_pass 127.0.0.1:9000;', '    fastcgi_read_timeout 600s;', '    include fastcgi_params;', '    fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;', '  }', '}') },
  });
  const fpmTime = (m: number) => {
    const s = clfTime(m); // 21/Nov/2026:03:12:41 +0000
    return s.replace(/^(\d+)\/(\w+)\/(\d+):(\S+) .*$/, '$1-$2-$3 $4');
  };
  const files = [
    '/var/www/html/vendor/phpoffice/phpspreadsheet/src/PhpSpreadsheet/Writer/Xlsx/Worksheet.php on line 1263',
    '/var/www/html/vendor/phpoffice/phpspreadsheet/src/PhpSpreadsheet/Cell/Coordinate.php on line 54',
    '/var/www/html/vendor/doctrine/dbal/src/Driver/PDO/Result.php on line 33',
  ];
  const fpmLog = (k: number) => {
    const out = [
      `[${fpmTime(51 - k * 0.6)}] NOTICE: fpm is running, pid 1`,
      `[${fpmTime(51 - k * 0.6)}] NOTICE: ready to handle connections`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 44 - i * 7 - k * 1.3;
      out.push(`[${fpmTime(t)}] WARNING: [pool www] child ${41 + i * 3 + k} said into stderr: "NOTICE: PHP message: PHP Fatal error:  Maximum execution time of 20 seconds exceeded in ${files[i % 3]}"`);
    }
    return out.join('\n') + '\n';
  };
  const ngxLog = (k: number) => {
    const out: string[] = [];
    const exports = ['/admin/exports/orders.xlsx?from=2026-10-01&to=2026-10-31', '/admin/exports/customers.xlsx?segment=all', '/admin/reports/vat?quarter=2026-Q3&format=csv'];
    for (let i = 0; i < 6; i++) {
      const t = 44 - i * 7 - k * 1.3;
      const path = exports[i % 3] ?? '/';
      out.push(`${ngxErr(t)} [error] 29#29: *${1801 + i * 57} FastCGI sent in stderr: "PHP message: PHP Fatal error:  Maximum execution time of 20 seconds exceeded in ${files[i % 3]}" while reading response header from upstream, client: 10.0.75.${12 + i}, server: _, request: "GET ${path} HTTP/1.1", upstream: "fastcgi://127.0.0.1:9000", host: "admin.acme.internal"`);
      out.push(`10.0.75.${12 + i} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" 500 0 "https://admin.acme.internal/admin/exports" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"`);
      out.push(`10.0.75.${20 + i} - - [${clfTime(t - 0.3)}] "GET /admin/orders?page=${i + 2} HTTP/1.1" 200 48211 "https://admin.acme.internal/admin/orders" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"`);
    }
    return out.join('\n') + '\n';
  };
  const pods = app.pods;
  const objects: KubeJson[] = [
    ...nodes, ...app.objects, ini, ngxConf,
    ...exposed({ namespace: ns, name: 'admin-portal', selector: { app: 'admin-portal' }, pods }),
    ...bystander(ns, 'backoffice-auth', names, 26 * HOURS, { revisions: [15, 16], versions: ['4.1.0', '4.1.1'], olderAgo: 30 * DAYS }).objects,
    scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 2, 0, 51),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 32), 0, 2, 50),
  ];
  return {
    id: 'heldout75-php-max-execution-time-lowered',
    class: 'config',
    truth: 'Someone lowered max_execution_time to 20 in the admin-portal-php-ini ConfigMap (kubectl edit, 53 minutes ago) and rolled the pods to pick it up; long-running export requests (XLSX/CSV reports) now die with "PHP Fatal error: Maximum execution time of 20 seconds exceeded" and return 500, while ordinary pages work.',
    ask: { service: 'admin-portal', namespace: ns },
    objects,
    logs: pods.flatMap((p, k) => [logsFor(p, 'php-fpm', { current: fpmLog(k) }), logsFor(p, 'nginx', { current: ngxLog(k) })]),
    expect: {
      verdict: 'problems',
      headline: [/max_execution_time|max(imum)? execution time/i],
      facts: [/\b20 ?(s\b|sec)|= ?20\b|20 seconds/i, /admin-portal-php-ini|php\.ini/i],
      never: [/\bOOM/, /memory_limit/i, /fastcgi_read_timeout|nginx.{0,30}timeout/i],
    },
  };
}

function ngxErr(m: number): string {
  return at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
}

// ---- 7. Healthy control: setSecurityManager deprecation warning ---------------------------------------

function healthySecurityManagerWarning(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.88', ['21', '160', '199']);
  const image = `${ECR}/reporting/report-engine:4.8.2`;
  const app = deploymentApp({
    namespace: ns,
    name: 'report-engine',
    replicas: 3,
    revisions: [
      { revision: 27, createdAgo: 12 * DAYS, changeCause: 'argocd: report-engine 4.8.1', template: { containers: [container({ image: `${ECR}/reporting/report-engine:4.8.1`, memory: '1536Mi', cpu: '500m' })] } },
      { revision: 28, createdAgo: 6 * DAYS, changeCause: 'argocd: report-engine 4.8.2', template: { containers: [container({ image, memory: '1536Mi', cpu: '500m', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }] })] } },
    ],
    pods: [
      { revision: 28, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 28, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 28, node: names[1] ?? '', createdAgo: 41 },
    ],
    settled: { available: true, availableSince: 40, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const pods = app.pods;
  const logOf = (p: k8s.V1Pod, since: number) => lines(
    `Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75`,
    `WARNING: A terminally deprecated method in java.lang.System has been called`,
    `WARNING: System::setSecurityManager has been called by net.sf.jasperreports.engine.util.JRClassLoaderSandbox (file:/app/lib/jasperreports-6.20.6.jar)`,
    `WARNING: Please consider reporting this to the maintainers of net.sf.jasperreports.engine.util.JRClassLoaderSandbox`,
    `WARNING: System::setSecurityManager will be removed in a future release`,
    `${jTime(since)} INFO  [main] c.a.r.ReportEngineApplication : Starting ReportEngineApplication v4.8.2 using Java 17.0.13 with PID 1`,
    `${jTime(since - 0.05)} INFO  [main] o.s.b.w.e.tomcat.TomcatWebServer : Tomcat initialized with port 8080 (http)`,
    `${jTime(since - 0.3)} INFO  [main] c.a.r.templates.TemplateCache : compiled 38 report templates in 9412 ms`,
    `${jTime(since - 0.35)} INFO  [main] o.s.b.w.e.tomcat.TomcatWebServer : Tomcat started on port 8080 (http) with context path '/'`,
    `${jTime(since - 0.35)} INFO  [main] c.a.r.ReportEngineApplication : Started ReportEngineApplication in 21.37 seconds (process running for 22.9)`,
    `${jTime(6.2)} INFO  [http-nio-8080-exec-4] c.a.r.api.RenderController : rendered report=monthly-statement account=ac_81f2 pages=4 ms=388 pod=${nameOf(p)}`,
    `${jTime(2.7)} INFO  [http-nio-8080-exec-9] c.a.r.api.RenderController : rendered report=invoice account=ac_1c07 pages=1 ms=112 pod=${nameOf(p)}`,
    `${jTime(0.6)} INFO  [http-nio-8080-exec-2] c.a.r.api.RenderController : rendered report=payout-summary account=ac_77d0 pages=2 ms=241 pod=${nameOf(p)}`,
  );
  const p2 = podOf(app, 2);
  const objects: KubeJson[] = [
    ...nodes, ...app.objects,
    ...exposed({ namespace: ns, name: 'report-engine', selector: { app: 'report-engine' }, pods }),
    ...bystander(ns, 'report-scheduler', names, 9 * DAYS, { revisions: [5, 6], versions: ['1.3.0', '1.3.1'], olderAgo: 40 * DAYS }).objects,
    event({ on: { kind: 'ReplicaSet', name: rsOf(app, 28), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p2)}`, firstAgo: 41, lastAgo: 41, component: 'replicaset-controller' }),
    ...startedNormally(p2, 'app', image, 41),
    probeFailed(p2, 'app', 'Readiness', `Get "http://${ipOfPod(p2)}:8080/ready": dial tcp ${ipOfPod(p2)}:8080: connect: connection refused`, { count: 2, firstAgo: 40.8, lastAgo: 40.6 }),
  ];
  return {
    id: 'heldout75-healthy-java-security-manager-warning',
    class: 'healthy',
    truth: 'report-engine is healthy: every pod is ready and rendering reports. Each JVM start prints the JDK 17 warning that System::setSecurityManager (called by JasperReports\' sandbox) is terminally deprecated, which is harmless; one pod was rescheduled 41 minutes ago after a node scale-down and failed two readiness probes while Spring Boot was still starting.',
    ask: { service: 'report-engine', namespace: ns },
    objects,
    logs: pods.map((p, k) => logsFor(p, 'app', { current: logOf(p, k === 2 ? 40.7 : 6 * DAYS - k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active )?(problems?|issues?|faults?)|nothing (wrong|abnormal)|running normally|all .{0,20}ready/i],
      facts: [],
      never: [/setSecurityManager.{0,60}(cause|fail|broke|crash)|security ?manager.{0,40}(root cause|fail)/i, /readiness probe.{0,40}(failing|misconfigured)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  akkaNoDowning(),
  egressBandwidthAnnotation(),
  seccompMissingOnNewPool(),
  int32IdOverflow(),
  numpyAbiBreak(),
  phpMaxExecutionTime(),
  healthySecurityManagerWarning(),
];
