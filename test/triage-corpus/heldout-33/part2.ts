// Held-out stories, thirty-third round, part two: a revision whose ephemeral-storage request has a
// typo (50Gi for 5Gi), an exec liveness probe running `ping` after a hardening change dropped ALL
// capabilities, RabbitMQ's disk free alarm blocking publishers, a JVM whose new JAVA_TOOL_OPTIONS
// read a JCEKS keystore as PKCS12, a kubectl CronJob whose service account lost its RBAC, an HPA
// whose maxReplicas a GitOps change lowered to 4 during a peak, and a healthy control: a nightly
// Job that completed after its first pod was lost to a spot preemption.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, backOff, batchContainer, clfTime, configMap, container, crashLoop, cronJob, cronJobEvent,
  deploymentApp, event, execProbe, exposed, failedScheduling, hpa, httpProbe, jobEvent, nameOf, node, notTriggerScaleUp,
  probeFailed, probeKilling, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp,
  boundClaim, terminated, ago, tcpProbe, epochMs,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

// ---- 1. an ephemeral-storage request with a typo: 50Gi instead of 5Gi ------------------------------

function ephemeralStorageTypo(): CorpusScenario {
  const ns = 'media';
  // 50 GiB gp3 root volumes: about 44Gi allocatable for ephemeral storage on each node.
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = ['10.0.96.14', '10.0.112.203', '10.0.128.57'].map((ip, i) =>
    node({ name: `ip-${ip.replace(/\./g, '-')}.eu-west-1.compute.internal`, zone: zones[i] ?? 'eu-west-1a', pool: 'media-workers', instanceType: 'c6i.2xlarge', allocatable: { cpu: '7910m', 'ephemeral-storage': '47233297318', memory: '14918540Ki', pods: '58' }, createdAgo: 12 * DAYS }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string, scratch: string) => {
    const c = container({ image: image(v), ports: [8080], cpu: '1', memory: '2Gi', env: [{ name: 'SCRATCH_DIR', value: '/scratch' }, { name: 'WORKERS', value: '4' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }] });
    c.resources = { requests: { cpu: '1', memory: '2Gi', 'ephemeral-storage': scratch }, limits: { memory: '2Gi', 'ephemeral-storage': scratch === '5Gi' ? '8Gi' : '80Gi' } };
    return { containers: [c], volumes: [{ name: 'scratch', emptyDir: { sizeLimit: '6Gi' } }] };
  };
  const unsched = '0/3 nodes are available: 3 Insufficient ephemeral-storage. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 19, createdAgo: 9 * DAYS, changeCause: 'argocd: thumbnailer 2.7.4', template: tpl('2.7.4', '5Gi') },
      { revision: 20, createdAgo: 27, changeCause: 'argocd: thumbnailer 2.8.0', template: tpl('2.8.0', '50Gi') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 9 * DAYS - k * 2 })),
      { revision: 20, node: null, createdAgo: 27, unschedulable: unsched },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'media-metadata', names, 41, { revisions: [12, 13], versions: ['1.30.2', '1.31.0'], olderAgo: 20 * DAYS });
  const oldLog = (k: number) => lines(
    `time=${at(3.1 + k)} level=INFO msg="job done" job_id=th-8812${k}4 source=s3://acme-media-uploads/u/77${k}1/IMG_2231.HEIC variants=4 dur_ms=1840`,
    `time=${at(1.7 + k / 3)} level=INFO msg="job done" job_id=th-8812${k}9 source=s3://acme-media-uploads/u/40${k}8/clip.mp4 variants=6 dur_ms=9312`,
    `time=${at(0.6)} level=INFO msg="scratch usage" dir=/scratch used_bytes=${812_000_000 + k * 91_000_000} files=${14 + k}`,
  );
  return {
    id: 'heldout33-ephemeral-storage-request-typo',
    class: 'scheduling',
    truth: 'Revision 20 of thumbnailer (2.8.0, rolled out by Argo CD 27 minutes ago) raised the container\'s ephemeral-storage request from 5Gi to 50Gi — a typo for 5Gi in the values change (the limit went to 80Gi). The media-workers nodes have 50 GiB root volumes, about 44Gi allocatable, so no node can ever fit the new pod: it stays Pending with "Insufficient ephemeral-storage" on all three nodes and the cluster autoscaler cannot help (every node group has the same disk). The rollout is stuck (maxUnavailable 0) and the three revision-19 pods keep serving. Fix: correct the request back to 5Gi (or roll back to revision 19).',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-metadata', selector: { app: 'media-metadata' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 20), 1, 0, 27),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 41),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 0, 2, 40),
      failedScheduling(fresh, unsched, { count: 14, firstAgo: 27, lastAgo: 2.2 }),
      notTriggerScaleUp(fresh, '1 Insufficient ephemeral-storage', { count: 161, firstAgo: 26.8, lastAgo: 0.4 }),
      // Unrelated noise: image GC on a node could not free space in use.
      event({ on: { kind: 'Node', name: names[1] ?? '' }, type: 'Normal', reason: 'ImageGCFailed', message: 'wanted to free 2371297280 bytes, but freed 0 bytes space with errors in image deletion', firstAgo: 55, lastAgo: 55 }),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ephemeral[- ]?storage/i, /50Gi|request|thumbnailer/i],
      facts: [lit('50Gi'), /Insufficient ephemeral-storage|ephemeral-storage[^\n]*(insufficient|no node|exceeds|fit)/i, /revision 20|2\.8\.0/, /Pending|unschedulable|cannot be scheduled|can't be scheduled/i],
      never: [/\bOOM/, /DiskPressure|disk pressure/i, /media-metadata/, /crash ?loop/i, /image ?pull|ErrImagePull/i],
    },
  };
}

// ---- 2. an exec liveness probe running ping after the capabilities were dropped ---------------------

function pingLivenessNoNetRaw(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.44', ['19', '140', '231']);
  const image = (v: string) => `${ECR}/edge/geo-router:${v}`;
  const liveness = execProbe(['sh', '-c', 'ping -c1 -W2 10.80.0.1'], { initialDelaySeconds: 20, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 });
  const hardened: k8s.V1SecurityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, runAsUser: 10001, readOnlyRootFilesystem: true, seccompProfile: { type: 'RuntimeDefault' } };
  const tpl = (v: string, sc?: k8s.V1SecurityContext) => ({
    containers: [container({ name: 'geo-router', image: image(v), ports: [8443], cpu: '300m', memory: '256Mi', env: [{ name: 'UPSTREAM_GW', value: '10.80.0.1' }, { name: 'LISTEN', value: ':8443' }], readiness: httpProbe('/ready', 8443), liveness, ...(sc === undefined ? {} : { securityContext: sc }) })],
    terminationGracePeriodSeconds: 30,
  });
  const lastKill = (finishedAgo: number) => ({ exitCode: 137, reason: 'Error', finishedAgo, ranSeconds: 81 });
  const app = deploymentApp({
    namespace: ns,
    name: 'geo-router',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 7, createdAgo: 16 * DAYS, changeCause: 'argocd: geo-router 4.2.1', template: tpl('4.2.1') },
      { revision: 8, createdAgo: 44, changeCause: 'argocd: geo-router 4.2.1 (PSS restricted hardening)', template: tpl('4.2.1', hardened) },
    ],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 43.5, containers: { 'geo-router': running({ sinceAgo: 0.9, ready: true, restarts: 12, last: lastKill(1.0) }) } },
      { revision: 8, node: names[1] ?? '', createdAgo: 42, containers: { 'geo-router': crashLoop(lastKill(2.6), 11) } },
      { revision: 8, node: names[2] ?? '', createdAgo: 40.5, containers: { 'geo-router': running({ sinceAgo: 0.3, ready: false, restarts: 11, last: lastKill(0.4) }) } },
    ],
    settled: { available: false, availableSince: 2.6, progressingSince: 40 },
  });
  const other = bystander(ns, 'edge-config-api', names, 36, { revisions: [30, 31], versions: ['0.19.3', '0.19.4'], olderAgo: 22 * DAYS });
  const fp = 'spec.containers{geo-router}';
  const probeEvents = app.pods.flatMap((p, i) => [
    probeFailed(p, 'geo-router', 'Liveness', 'ping: socket: Operation not permitted\n', { count: 36 - i * 2, firstAgo: 43 - i * 1.5, lastAgo: 0.3 + i * 0.4 }),
    probeKilling(p, 'geo-router', 'liveness', { count: 12 - (i > 0 ? 1 : 0), firstAgo: 42.5 - i * 1.5, lastAgo: 1.4 + i * 0.3 }),
    ...restartedAgain(p, 'geo-router', image('4.2.1'), { count: 12 - (i > 0 ? 1 : 0), firstAgo: 42 - i * 1.5, lastAgo: [0.9, 4.1, 0.3][i] ?? 1 }),
  ]);
  const runLog = (startAgo: number, killAgo: number, k: number) => lines(
    `{"time":"${at(startAgo)}","level":"INFO","msg":"geo-router starting","version":"4.2.1","listen":":8443","upstream_gw":"10.80.0.1"}`,
    `{"time":"${at(startAgo - 0.05)}","level":"INFO","msg":"loaded geo database","file":"/opt/geo/GeoLite2-City.mmdb","build":"2026-11-17"}`,
    `{"time":"${at(startAgo - 0.1)}","level":"INFO","msg":"upstream tunnel established","peer":"10.80.0.1:4500","rtt_ms":3.1}`,
    `{"time":"${at(startAgo - 0.4)}","level":"INFO","msg":"request","method":"GET","path":"/v2/route","status":200,"dur_ms":4,"region":"eu-${k}"}`,
    `{"time":"${at(startAgo - 0.8)}","level":"INFO","msg":"request","method":"GET","path":"/v2/route","status":200,"dur_ms":3,"region":"us-${k}"}`,
    ...(killAgo > 0 ? [
      `{"time":"${at(killAgo + 0.5)}","level":"INFO","msg":"shutdown signal received, draining","signal":"terminated","drain_timeout":"45s","open_conns":${37 + k}}`,
    ] : []),
  );
  return {
    id: 'heldout33-ping-liveness-capabilities-dropped',
    class: 'probes',
    truth: 'Revision 8 of geo-router (44 minutes ago) only added a "PSS restricted" securityContext: runAsNonRoot, readOnlyRootFilesystem and capabilities drop ALL. Its liveness probe is an exec of `ping -c1 -W2 10.80.0.1` (the upstream gateway), and ping needs CAP_NET_RAW to open its socket: every probe now fails with "ping: socket: Operation not permitted", so the kubelet kills the container after three failures (exit 137 once the 30 s grace period runs out while it drains) and the pods restart every minute or two and crash-loop, although the application itself serves fine and the gateway is reachable. Fix: replace the liveness probe with an HTTP check (or add NET_RAW back); rolling back to revision 7 also stops it.',
    ask: { service: 'geo-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'geo-router', selector: { app: 'geo-router' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 8443 }], endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'edge-config-api', selector: { app: 'edge-config-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 3, 2, 41),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 7), 0, 1, 40.5),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 36),
      ...probeEvents,
      backOff(podOf(app, 1), 'geo-router', { count: 23, firstAgo: 30, lastAgo: 0.2 }),
      backOff(podOf(app, 0), 'geo-router', { count: 19, firstAgo: 31, lastAgo: 1.2 }),
      event({ on: podOf(app, 2), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 2).status?.podIP ?? ''}:8443/ready": dial tcp ${podOf(app, 2).status?.podIP ?? ''}:8443: connect: connection refused`, count: 4, firstAgo: 20, lastAgo: 0.3, fieldPath: fp }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'geo-router', { current: runLog(0.9, 0, 0), previous: runLog(2.4, 1.0, 0) }),
      logsFor(podOf(app, 1), 'geo-router', { previous: runLog(4.0, 2.6, 1) }),
      logsFor(podOf(app, 2), 'geo-router', { current: runLog(0.3, 0, 2), previous: runLog(1.8, 0.4, 2) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /ping|NET_RAW|capabilit|Operation not permitted|securityContext/i],
      facts: [lit('Operation not permitted'), /NET_RAW|drop[^\n]{0,20}ALL|capabilit/i, /\b137\b|killed|restart/i, /revision 8|securityContext|hardening/i],
      never: [/\bOOM|out of memory/i, /NetworkPolicy/i, /gateway[^\n]{0,40}(down|unreachable|not reachable)/i, /edge-config-api/, /image ?pull/i],
    },
  };
}

// ---- 3. RabbitMQ's disk free alarm blocking publishers ---------------------------------------------

function rabbitDiskAlarm(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.160', ['22', '87', '199']);
  const rmqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const rmqTpl = {
    containers: [container({
      name: 'rabbitmq', image: rmqImage, cpu: '1', memory: '2Gi',
      ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }, { name: 'dist', containerPort: 25672 }],
      env: [{ name: 'RABBITMQ_USE_LONGNAME', value: 'true' }, { name: 'RABBITMQ_NODENAME', value: 'rabbit@$(MY_POD_NAME).rabbitmq-nodes.orders.svc.cluster.local' }],
      readiness: tcpProbe('amqp', { initialDelaySeconds: 10 }),
      liveness: execProbe(['rabbitmq-diagnostics', '-q', 'ping'], { initialDelaySeconds: 60, periodSeconds: 60, timeoutSeconds: 15 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq/mnesia' }, { name: 'config', mountPath: '/etc/rabbitmq/conf.d' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'rabbitmq-config', defaultMode: 420 } }],
    terminationGracePeriodSeconds: 600,
  };
  const rmq = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 3, serviceName: 'rabbitmq-nodes', podManagementPolicy: 'Parallel', createdAgo: 240 * DAYS,
    revisions: [{ revision: 4, createdAgo: 63 * DAYS, template: rmqTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((o) => ({ revision: 4, ordinal: o, node: names[o] ?? '', createdAgo: 63 * DAYS - o * 3 })),
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-rabbitmq-${o}`, storage: '20Gi', zone: nodes[o]?.metadata?.labels?.['topology.kubernetes.io/zone'] ?? 'eu-west-1a', createdAgo: 240 * DAYS, storageClass: 'gp3', labels: { app: 'rabbitmq' } }));
  const rmqConfig = configMap({ namespace: ns, name: 'rabbitmq-config', createdAgo: 240 * DAYS, data: {
    '10-defaults.conf': 'cluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s\ncluster_formation.k8s.host = kubernetes.default.svc.cluster.local\ncluster_formation.k8s.address_type = hostname\nqueue_master_locator = min-masters\ndisk_free_limit.absolute = 50MB\nvm_memory_high_watermark.relative = 0.6\nloopback_users.guest = false\n',
  } });
  const apiImage = (v: string) => `${ECR}/orders/order-api:${v}`;
  const api = deploymentApp({
    namespace: ns, name: 'order-api', replicas: 3,
    revisions: [{ revision: 58, createdAgo: 4 * DAYS, changeCause: 'argocd: order-api 3.22.0', template: { containers: [container({ image: apiImage('3.22.0'), ports: [3000], memory: '512Mi', env: [{ name: 'AMQP_URL', value: 'amqp://order-api@rabbitmq.orders.svc:5672/orders' }, { name: 'PUBLISH_CONFIRM_TIMEOUT_MS', value: '5000' }], readiness: httpProbe('/healthz/ready', 3000), liveness: httpProbe('/healthz/live', 3000, { initialDelaySeconds: 10 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const worker = bystander(ns, 'order-worker', names, 33, { revisions: [40, 41], versions: ['2.9.6', '2.10.0'], olderAgo: 11 * DAYS });
  const node1 = 'rabbit@rabbitmq-1.rabbitmq-nodes.orders.svc.cluster.local';
  const erl = (m: number) => at(m).replace('T', ' ').replace('Z', '000+00:00');
  const rmqLog = (o: number) => o === 1
    ? lines(
      `${erl(47)} [info] <0.1871.0> accepting AMQP connection <0.1871.0> (10.0.13.77:41822 -> 10.0.21.140:5672)`,
      `${erl(31)} [info] <0.512.0> Free disk space is 2147483648 bytes, limit is 52428800 bytes`,
      `${erl(18.2)} [info] <0.512.0> Free disk space is insufficient. Free bytes: 50331648. Limit: 52428800`,
      `${erl(18.2)} [warning] <0.508.0> disk resource limit alarm set on node '${node1}'.`,
      `${erl(18.2)} [warning] <0.508.0> `,
      `${erl(18.2)} [warning] <0.508.0> **********************************************************`,
      `${erl(18.2)} [warning] <0.508.0> *** Publishers will be blocked until this alarm clears ***`,
      `${erl(18.2)} [warning] <0.508.0> **********************************************************`,
      `${erl(18.2)} [warning] <0.508.0> `,
      `${erl(6.4)} [info] <0.512.0> Free disk space is 48 MiB (50331648 bytes). Limit is 50 MiB (52428800 bytes). Publishers will be blocked until this alarm clears`,
      `${erl(2.1)} [warning] <0.9921.0> closing AMQP connection <0.9921.0> (10.0.37.12:50214 -> 10.0.21.140:5672, vhost: 'orders', user: 'order-api'):`,
      `${erl(2.1)} [warning] <0.9921.0> client unexpectedly closed TCP connection`,
    )
    : lines(
      `${erl(18.2)} [warning] <0.508.0> disk resource limit alarm set on node '${node1}'.`,
      `${erl(18.2)} [warning] <0.508.0> `,
      `${erl(18.2)} [warning] <0.508.0> **********************************************************`,
      `${erl(18.2)} [warning] <0.508.0> *** Publishers will be blocked until this alarm clears ***`,
      `${erl(18.2)} [warning] <0.508.0> **********************************************************`,
      `${erl(4.2)} [info] <0.3310.0> accepting AMQP connection <0.3310.0> (10.0.29.4:38110 -> 10.0.${o}.66:5672)`,
      `${erl(4.2)} [info] <0.3310.0> connection <0.3310.0> (10.0.29.4:38110 -> 10.0.${o}.66:5672): user 'order-worker' authenticated and granted access to vhost 'orders'`,
    );
  const apiLog = (k: number) => lines(
    `{"level":30,"time":${epochMs(19 + k / 10)},"pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"POST","url":"/v1/orders"},"res":{"statusCode":201},"responseTime":38,"msg":"request completed"}`,
    `{"level":40,"time":${epochMs(18.1)},"pid":1,"hostname":"${nameOf(podOf(api, k))}","reason":"low on disk","msg":"rabbitmq connection blocked"}`,
    `{"level":50,"time":${epochMs(12 - k)},"pid":1,"hostname":"${nameOf(podOf(api, k))}","exchange":"orders.events","routingKey":"order.created","err":{"type":"Error","message":"publish confirm timeout after 5000ms"},"msg":"failed to publish order.created"}`,
    `{"level":50,"time":${epochMs(11.9 - k)},"pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"POST","url":"/v1/orders"},"res":{"statusCode":503},"responseTime":5012,"msg":"request errored"}`,
    `{"level":30,"time":${epochMs(1.2)},"pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"GET","url":"/v1/orders/ord_8f2k1"},"res":{"statusCode":200},"responseTime":9,"msg":"request completed"}`,
    `{"level":50,"time":${epochMs(0.4)},"pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"POST","url":"/v1/orders"},"res":{"statusCode":503},"responseTime":5007,"msg":"request errored"}`,
  );
  return {
    id: 'heldout33-rabbitmq-disk-alarm-blocks-publishers',
    class: 'storage',
    truth: 'The RabbitMQ cluster in orders hit its disk free limit (disk_free_limit.absolute = 50MB) on rabbitmq-1 18 minutes ago: its 20Gi data volume filled with a backlog in a queue nobody consumes any more (audit.events, whose consumer was decommissioned last month). RabbitMQ raised the disk resource limit alarm, which blocks every publishing connection cluster-wide ("Publishers will be blocked until this alarm clears"), so order-api\'s publishes of order.created hang until its 5 s confirm timeout and POST /v1/orders returns 503, while order-worker and other consumers keep draining their queues normally. Nothing in Kubernetes is unhealthy: the pods are ready and never restarted. Fix: purge or drain the orphaned queue (or grow the volume) so the alarm clears; order-api needs no change.',
    ask: { service: 'order-api', namespace: ns },
    objects: [
      ...nodes, ...rmq.objects, ...claims, rmqConfig, ...api.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rmq.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'management', port: 15672, targetPort: 'management' }], endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'rabbitmq-nodes', selector: { app: 'rabbitmq' }, pods: rmq.pods, headless: true, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'dist', port: 25672, targetPort: 25672 }], endpointPort: 4369 }),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 41), 2, 0, 33),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 40), 0, 2, 32),
      // Old, harmless: the management plugin's liveness exec was slow during a GC two days ago.
      event({ on: podOf(rmq, 2), reason: 'Unhealthy', message: 'Liveness probe failed: command timed out', count: 1, firstAgo: 41, lastAgo: 41, fieldPath: 'spec.containers{rabbitmq}' }),
    ],
    logs: [
      ...[0, 1, 2].map((o) => logsFor(podOf(rmq, o), 'rabbitmq', { current: rmqLog(o) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      ...[0, 1].map((k) => logsFor(podOf(worker, k), 'app', { current: lines(`{"time":"${at(1.5)}","level":"info","msg":"consumed","queue":"orders.fulfilment","delivery_tag":${88120 + k},"ack":true}`, `{"time":"${at(0.7)}","level":"info","msg":"consumed","queue":"orders.fulfilment","delivery_tag":${88131 + k},"ack":true}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/rabbit ?mq/i, /disk/i],
      facts: [/disk[^\n]{0,40}(alarm|limit)|disk_free_limit|free disk/i, /block/i, /rabbitmq-1/, /50 ?MiB|52428800|50MB/i],
      never: [ADVISES_ROLLBACK, /order-worker[^\n]{0,60}(cause|broke|fail)/i, /\bOOM|out of memory/i, /NetworkPolicy/i, /crash ?loop/i],
    },
  };
}

// ---- 4. a JVM reading its JCEKS keystore as PKCS12 after the base-image change ---------------------

function keystoreTypeChanged(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.72', ['8', '115', '241']);
  const image = (v: string) => `${ECR}/billing/partner-gateway:${v}`;
  const tool = (type: string) => `-Djavax.net.ssl.keyStore=/etc/partner-tls/keystore.jks -Djavax.net.ssl.keyStorePassword=$(KEYSTORE_PASSWORD) -Djavax.net.ssl.keyStoreType=${type}${type === 'PKCS12' ? ' -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' : ' -XX:MaxRAMPercentage=70'}`;
  const tpl = (v: string, type: string) => ({
    containers: [container({
      image: image(v), ports: [8080], memory: '1Gi', cpu: '500m',
      env: [{ name: 'KEYSTORE_PASSWORD', valueFrom: { secretKeyRef: { name: 'partner-gateway-keystore-pass', key: 'password' } } }, { name: 'JAVA_TOOL_OPTIONS', value: tool(type) }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
      volumeMounts: [{ name: 'partner-tls', mountPath: '/etc/partner-tls', readOnly: true }],
    })],
    volumes: [{ name: 'partner-tls', configMap: { name: 'partner-gateway-keystore', defaultMode: 420 } }],
  });
  const fail = (finishedAgo: number) => ({ exitCode: 1, reason: 'Error', finishedAgo, ranSeconds: 4 });
  const app = deploymentApp({
    namespace: ns, name: 'partner-gateway', replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 34 * DAYS, changeCause: 'argocd: partner-gateway 5.3.2 (eclipse-temurin:8u432-b06-jre)', template: tpl('5.3.2', 'JCEKS') },
      { revision: 42, createdAgo: 23, changeCause: 'argocd: partner-gateway 5.4.0 (eclipse-temurin:21.0.5_11-jre, platform JVM flags)', template: tpl('5.4.0', 'PKCS12') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 34 * DAYS },
      { revision: 41, node: names[2] ?? '', createdAgo: 34 * DAYS - 2 },
      { revision: 42, node: names[1] ?? '', createdAgo: 22.5, containers: { app: crashLoop(fail(1.8), 9) } },
    ],
  });
  const fresh = podOf(app, 2);
  const ksCm = configMap({ namespace: ns, name: 'partner-gateway-keystore', createdAgo: 300 * DAYS, data: {} }) as k8s.V1ConfigMap;
  delete ksCm.data;
  // A JCEKS keystore: it starts with the magic 0xCECECECE (a JKS one with 0xFEEDFEED).
  ksCm.binaryData = { 'keystore.jks': 'zs7OzgAAAAIAAAABAAAAAQAOcGFydG5lci1jbGllbnQAAAGLqZ3kKKztAAVzcgAzY29tLnN1bi5jcnlwdG8ucHJvdmlkZXIuU2VhbGVkT2JqZWN0Rm9yS2V5UHJvdGVjdG9yzVfKWecwu1MCAAB4cgAZamF2YXguY3J5cHRvLlNlYWxlZE9iamVjdD42PabDt1RwAgAEWwANZW5jb2RlZFBhcmFtc3QAAltCWwAQ' };
  const other = bystander(ns, 'invoice-renderer', names, 51, { revisions: [17, 18], versions: ['1.8.0', '1.8.1'], olderAgo: 19 * DAYS });
  const t = (m: number) => at(m).replace('Z', '+00:00');
  const crash = (m: number) => lines(
    `Picked up JAVA_TOOL_OPTIONS: ${tool('PKCS12').replace('$(KEYSTORE_PASSWORD)', '********')}`,
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    '',
    ' :: Spring Boot ::                (v3.3.5)',
    '',
    `${t(m + 0.05)}  INFO 1 --- [partner-gateway] [           main] c.a.b.p.PartnerGatewayApplication        : Starting PartnerGatewayApplication v5.4.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
    `${t(m + 0.04)}  INFO 1 --- [partner-gateway] [           main] c.a.b.p.PartnerGatewayApplication        : The following 1 profile is active: "prod"`,
    `${t(m + 0.02)}  WARN 1 --- [partner-gateway] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'partnerRestClient' defined in class path resource [com/acme/billing/partner/config/PartnerClientConfig.class]: Failed to instantiate [org.springframework.web.client.RestClient]: Factory method 'partnerRestClient' threw exception with message: Error constructing implementation (algorithm: Default, provider: SunJSSE, class: sun.security.ssl.SSLContextImpl$DefaultSSLContext)`,
    `${t(m)} ERROR 1 --- [partner-gateway] [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    'org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'partnerRestClient\' defined in class path resource [com/acme/billing/partner/config/PartnerClientConfig.class]: Failed to instantiate [org.springframework.web.client.RestClient]: Factory method \'partnerRestClient\' threw exception with message: Error constructing implementation (algorithm: Default, provider: SunJSSE, class: sun.security.ssl.SSLContextImpl$DefaultSSLContext)',
    '\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:648)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
    '\tat com.acme.billing.partner.PartnerGatewayApplication.main(PartnerGatewayApplication.java:12)',
    'Caused by: java.security.NoSuchAlgorithmException: Error constructing implementation (algorithm: Default, provider: SunJSSE, class: sun.security.ssl.SSLContextImpl$DefaultSSLContext)',
    '\tat java.base/java.security.Provider$Service.newInstance(Provider.java:1952)',
    '\tat java.base/javax.net.ssl.SSLContext.getDefault(SSLContext.java:110)',
    '\tat com.acme.billing.partner.config.PartnerClientConfig.partnerRestClient(PartnerClientConfig.java:41)',
    '\t... 21 common frames omitted',
    'Caused by: java.io.IOException: DerInputStream.getLength(): lengthTag=78, too big.',
    '\tat java.base/sun.security.util.DerInputStream.getLength(DerInputStream.java:641)',
    '\tat java.base/sun.security.util.DerValue.<init>(DerValue.java:380)',
    '\tat java.base/sun.security.pkcs12.PKCS12KeyStore.engineLoad(PKCS12KeyStore.java:2002)',
    '\tat java.base/sun.security.util.KeyStoreDelegator.engineLoad(KeyStoreDelegator.java:228)',
    '\tat java.base/java.security.KeyStore.load(KeyStore.java:1500)',
    '\tat java.base/sun.security.ssl.SSLContextImpl$DefaultManagersHolder.getKeyManagers(SSLContextImpl.java:1075)',
    '\t... 30 common frames omitted',
    '',
  );
  return {
    id: 'heldout33-jvm-keystore-type-changed-with-base-image',
    class: 'config',
    truth: 'Revision 42 of partner-gateway (5.4.0, 23 minutes ago) moved the image from eclipse-temurin 8 to 21 and, with it, adopted the platform\'s JVM flags: JAVA_TOOL_OPTIONS now says -Djavax.net.ssl.keyStoreType=PKCS12 where revision 41 said JCEKS. The client keystore mounted from the ConfigMap partner-gateway-keystore (keystore.jks, unchanged for 300 days) is a JCEKS file, which the PKCS12 loader cannot parse, so SSLContext.getDefault() fails at startup ("Error constructing implementation (algorithm: Default, provider: SunJSSE…)" caused by "IOException: DerInputStream.getLength(): lengthTag=78, too big.") and the new pod crash-loops with exit 1; the two revision-41 pods keep serving and the rollout is stuck. Fix: set keyStoreType back to JCEKS (or convert the keystore to PKCS12 with keytool -importkeystore), or roll back to revision 41.',
    ask: { service: 'partner-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ksCm,
      ...exposed({ namespace: ns, name: 'partner-gateway', selector: { app: 'partner-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 23),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 18), 2, 0, 51),
      scheduled(fresh, 22.5),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('5.4.0')}"`, firstAgo: 22.4, lastAgo: 22.4, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('5.4.0')}" in 6.104s (6.104s including waiting). Image size: 198311240 bytes.`, firstAgo: 22.3, lastAgo: 22.3, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('5.4.0'), { count: 9, firstAgo: 22.2, lastAgo: 1.9 }),
      backOff(fresh, 'app', { count: 97, firstAgo: 21.5, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash(1.8) }),
      ...[0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: lines(
        `${t(2.2 + k)}  INFO 1 --- [nio-8080-exec-${3 + k}] c.a.b.p.web.SettlementController         : POST /v2/settlements partner=ADYEN-EU status=202 took=212ms`,
        `${t(0.8)}  INFO 1 --- [nio-8080-exec-${7 + k}] c.a.b.p.web.SettlementController         : POST /v2/settlements partner=WORLDLINE status=202 took=187ms`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/keystore|key ?store|SSLContext|TLS/i, /partner-gateway|revision 42|5\.4\.0|PKCS12|JCEKS|type/i],
      facts: [/PKCS12/, /JCEKS/, /keyStoreType|JAVA_TOOL_OPTIONS/, /lengthTag=78|DerInputStream|Error constructing implementation/, /revision 42|5\.4\.0/],
      never: [/\bOOM|out of memory/i, /invoice-renderer/, /liveness/i, /password[^\n]{0,40}(wrong|incorrect|rotated)/i, /certificate[^\n]{0,20}expired/i],
    },
  };
}

// ---- 5. a kubectl CronJob whose service account lost its RBAC --------------------------------------

function cronJobForbidden(): CorpusScenario {
  const ns = 'ops';
  const { nodes, names } = threeEksNodes('10.0.200', ['5', '118', '250']);
  const image = 'docker.io/bitnami/kubectl:1.31.3';
  const script = 'set -euo pipefail\nfor ns in batch etl; do\n  kubectl get pods -n "$ns" --field-selector=status.phase==Failed -o name | xargs -r kubectl delete -n "$ns" --wait=false\n  kubectl get pods -n "$ns" --field-selector=status.phase==Succeeded -o name | xargs -r kubectl delete -n "$ns" --wait=false\ndone\n';
  const tpl = {
    containers: [batchContainer({ name: 'reaper', image, command: ['/bin/bash', '-c'], args: [script], cpu: '50m', memory: '64Mi' })],
    serviceAccountName: 'cleanup',
  };
  const forbidden = lines(
    'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:ops:cleanup" cannot list resource "pods" in API group "" in the namespace "batch"',
  );
  const okLog = (k: number) => lines(
    `pod "batch-sync-2937${2520 + k * 30}-vd4m${k}" deleted`,
    `pod "etl-hourly-2937${2520 + k * 30}-8xq2${k}" deleted`,
  );
  const failedRun = (createdAgo: number) => ({
    createdAgo,
    pods: [0, 1, 2].map((k) => ({ node: names[k] ?? '', createdAgo: createdAgo - k * 0.4, phase: 'Failed' as const, containers: { reaper: terminated({ exitCode: 1, reason: 'Error', finishedAgo: createdAgo - k * 0.4 - 0.05, ranSeconds: 2 }) } })),
    outcome: { failed: 'BackoffLimitExceeded' as const, ago: createdAgo - 1.0 },
  });
  const okRun = (createdAgo: number) => ({
    createdAgo,
    pods: [{ node: names[(createdAgo | 0) % 3] ?? '', createdAgo, phase: 'Succeeded' as const, containers: { reaper: terminated({ exitCode: 0, finishedAgo: createdAgo - 0.1, ranSeconds: 5 }) } }],
    outcome: { complete: true as const, ago: createdAgo - 0.1 },
  });
  const cj = cronJob({
    namespace: ns, name: 'pod-reaper', schedule: '*/30 * * * *', template: tpl, backoffLimit: 2, createdAgo: 180 * DAYS,
    jobs: [okRun(254), okRun(224), okRun(194), failedRun(14)],
    lastSuccessfulAgo: 193.9,
  });
  // The kit's jobTemplate carries the containers only; the real one carries the service account too.
  const cron = cj.objects[0] as k8s.V1CronJob;
  const podSpec = cron.spec?.jobTemplate.spec?.template.spec;
  if (podSpec) podSpec.serviceAccountName = 'cleanup';
  const failedJob = cj.jobs[3];
  const failedPods = failedJob?.pods ?? [];
  const other = bystander(ns, 'ops-dashboard', names, 29, { revisions: [8, 9], versions: ['0.14.1', '0.15.0'], olderAgo: 40 * DAYS });
  const jobName = nameOf(failedJob?.objects[0]);
  return {
    id: 'heldout33-kubectl-cronjob-serviceaccount-forbidden',
    class: 'jobs',
    truth: 'The CronJob pod-reaper in ops runs kubectl every 30 minutes as the ServiceAccount cleanup to delete finished pods in batch and etl. About three hours ago the RoleBinding that granted cleanup list/delete on pods in those namespaces was removed (an RBAC clean-up in the platform repo), so since then every run fails at once: kubectl gets "pods is forbidden: User \\"system:serviceaccount:ops:cleanup\\" cannot list resource \\"pods\\" in API group \\"\\" in the namespace \\"batch\\"", each Job exhausts its backoffLimit of 2 and ends BackoffLimitExceeded; the last success was 194 minutes ago. The image, the script and the nodes are fine. Fix: restore the Role/RoleBinding for system:serviceaccount:ops:cleanup in batch and etl (list, delete on pods).',
    ask: { service: 'pod-reaper', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ops-dashboard', selector: { app: 'ops-dashboard' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 29),
      cronJobEvent(cron, 'SuccessfulCreate', `Created job ${jobName}`, 14),
      jobEvent(failedJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(failedPods[0])}`, 14),
      jobEvent(failedJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(failedPods[1])}`, 13.6),
      jobEvent(failedJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(failedPods[2])}`, 13.2),
      jobEvent(failedJob?.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 13, 'Warning'),
      cronJobEvent(cron, 'SawCompletedJob', `Saw completed job: ${jobName}, condition: Failed`, 12.9),
      cronJobEvent(cron, 'SuccessfulDelete', `Deleted job pod-reaper-${Math.floor(ago(44).getTime() / 60_000)}`, 14),
      ...failedPods.flatMap((p, k) => [
        scheduled(p, 14 - k * 0.4),
        ...restartedAgain(p, 'reaper', image, { count: 1, firstAgo: 13.95 - k * 0.4, lastAgo: 13.95 - k * 0.4 }),
      ]),
    ],
    logs: [
      ...failedPods.map((p) => logsFor(p, 'reaper', { current: forbidden })),
      ...(cj.jobs.slice(0, 3).map((j, k) => logsFor(j.pods[0], 'reaper', { current: okLog(k) }))),
    ],
    expect: {
      verdict: 'problems',
      headline: [/forbidden|RBAC|permission|cannot list|not allowed|unauthori[sz]ed/i, /pod-reaper|cleanup|service ?account/i],
      facts: [lit('system:serviceaccount:ops:cleanup'), /cannot list|forbidden/i, /RoleBinding|ClusterRoleBinding|RBAC|Role\b/i, /BackoffLimitExceeded|backoff ?limit/i],
      never: [/\bOOM|out of memory/i, /image ?pull|ErrImagePull/i, /ops-dashboard/, ADVISES_ROLLBACK, /NetworkPolicy/i],
    },
  };
}

// ---- 6. an HPA whose maxReplicas a GitOps change lowered to 4 during a peak -----------------------

function hpaMaxLowered(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.10', ['41', '133', '212']);
  const image = (v: string) => `${ECR}/storefront/catalog-api:${v}`;
  const tpl = { containers: [container({ image: image('7.12.3'), ports: [8080], cpu: '500m', cpuLimit: '500m', memory: '768Mi', env: [{ name: 'GOMAXPROCS', value: '1' }], readiness: httpProbe('/ready', 8080, { timeoutSeconds: 1 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10, timeoutSeconds: 5, failureThreshold: 6 }) })] };
  const app = deploymentApp({
    namespace: ns, name: 'catalog-api', replicas: 4,
    revisions: [{ revision: 96, createdAgo: 6 * DAYS, changeCause: 'argocd: catalog-api 7.12.3', template: tpl }],
    pods: [
      { revision: 96, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 96, node: names[1] ?? '', createdAgo: 6 * DAYS - 1, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS - 1.5, ready: false }) } },
      { revision: 96, node: names[2] ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 96, node: names[0] ?? '', createdAgo: 3 * DAYS },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const h = hpa({
    namespace: ns, name: 'catalog-api', target: { kind: 'Deployment', name: 'catalog-api' }, min: 3, max: 4, current: 4, desired: 4,
    cpu: { current: 133, target: 70, averageValue: '665m' }, lastScaleAgo: 52,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(52) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(3 * DAYS) },
      { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(52) },
    ],
  });
  h.metadata = {
    ...h.metadata,
    labels: { 'app.kubernetes.io/instance': 'catalog-api-prod', 'argocd.argoproj.io/instance': 'catalog-api-prod' },
    managedFields: [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'autoscaling/v2', time: ago(52), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:maxReplicas': {}, 'f:minReplicas': {}, 'f:metrics': {}, 'f:scaleTargetRef': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'autoscaling/v2', time: ago(0.3), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} }, subresource: 'status' },
    ],
  };
  const indexer = bystander(ns, 'catalog-indexer', names, 31, { revisions: [22, 23], versions: ['3.4.0', '3.4.1'], olderAgo: 17 * DAYS });
  const hpaRef = { kind: 'HorizontalPodAutoscaler', name: 'catalog-api', namespace: ns };
  const rs = rsOf(app, 96);
  const access = (k: number) => lines(
    `10.0.${k}.17 - - [${clfTime(3.2)}] "GET /v3/products?category=outdoor&page=2 HTTP/1.1" 200 18211 "-" "storefront-web/2026.11" rt=0.842`,
    `10.0.${k}.88 - - [${clfTime(2.5)}] "GET /v3/products/sku-88213 HTTP/1.1" 503 61 "-" "storefront-web/2026.11" rt=2.001`,
    `{"time":"${at(2.4)}","level":"WARN","msg":"request queue saturated, shedding","inflight":256,"queue_wait_ms":1930,"gomaxprocs":1}`,
    `10.0.${k}.40 - - [${clfTime(1.1)}] "GET /v3/search?q=parka HTTP/1.1" 503 61 "-" "storefront-ios/9.3.0" rt=2.000`,
    `10.0.${k}.17 - - [${clfTime(0.6)}] "GET /v3/products?category=sale HTTP/1.1" 200 24410 "-" "storefront-web/2026.11" rt=1.377`,
  );
  return {
    id: 'heldout33-hpa-max-replicas-lowered-during-peak',
    class: 'capacity',
    truth: 'An Argo CD sync 52 minutes ago applied a values change that lowered the catalog-api HorizontalPodAutoscaler\'s maxReplicas from 20 to 4 (a copy of the staging values), right as the APAC flash-sale traffic peaked. The HPA immediately scaled the Deployment from 11 to 4 ("Current number of replicas above Spec.MaxReplicas") and has been pinned there since: ScalingLimited=True (TooManyReplicas), CPU at 133% of requests against a 70% target (about 190% of target), each pod throttled at its 500m CPU limit, so readiness probes time out intermittently and requests are shed with 503. The code (revision 96, six days old) and catalog-indexer\'s recent rollout are not involved. Fix: restore maxReplicas to 20 in the GitOps repo.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, h, ...indexer.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'catalog-indexer', selector: { app: 'catalog-indexer' }, pods: indexer.pods }),
      event({ on: hpaRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: Current number of replicas above Spec.MaxReplicas', firstAgo: 52, lastAgo: 52, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rs, 4, 11, 52),
      scaledReplicaSet(deploymentOf(indexer), rsOf(indexer, 23), 2, 0, 31),
      ...app.pods.map((p, i) => probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 41 - i * 6, firstAgo: 48 - i, lastAgo: i === 1 ? 0.2 : 1.5 + i })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: access(k) })),
    expect: {
      verdict: 'problems',
      headline: [/max(imum)?[ _-]?replicas|ScalingLimited|TooManyReplicas|capped|ceiling|limit/i, /HPA|autoscal/i],
      facts: [/maxReplicas[^\n]{0,20}\b4\b|max(imum)?[^\n]{0,20}\b4\b|\b4\b[^\n]{0,30}max/i, /TooManyReplicas|ScalingLimited|more than the maximum/i, /133 ?%|190 ?%|70 ?%/, /52 ?min|argo ?cd|sync|GitOps/i],
      never: [ADVISES_ROLLBACK, /catalog-indexer/, /\bOOM|out of memory/i, /metrics?[^\n]{0,20}(unavailable|missing)/i, /crash ?loop/i],
    },
  };
}

// ---- 7. healthy: a nightly Job that completed after its first pod was lost to a spot preemption -----

function nightlyJobSurvivedSpotPreemption(): CorpusScenario {
  const ns = 'analytics';
  const gke = (pool: string, suffix: string, i: number, spot: boolean, readySince?: number) => {
    const name = `gke-data-prod-${pool}-8f2c1d3e-${suffix}`;
    const n = node({ name, zone: `europe-west4-${'abc'[i] ?? 'a'}`, pool, instanceType: spot ? 'n2-highmem-8' : 'e2-standard-4', createdAgo: 26 * DAYS, ...(readySince === undefined ? {} : { readySince }) });
    const labels = { ...n.metadata?.labels };
    delete labels['eks.amazonaws.com/nodegroup'];
    labels['topology.kubernetes.io/region'] = 'europe-west4';
    labels['cloud.google.com/gke-nodepool'] = pool;
    labels['cloud.google.com/machine-family'] = spot ? 'n2' : 'e2';
    if (spot) labels['cloud.google.com/gke-spot'] = 'true';
    n.metadata = { ...n.metadata, labels };
    if (n.spec) n.spec.providerID = `gce://acme-data-prod/europe-west4-${'abc'[i] ?? 'a'}/${name}`;
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { containerRuntimeVersion: 'containerd://1.7.24', kubeletVersion: 'v1.31.4-gke.1256000', kubeProxyVersion: 'v1.31.4-gke.1256000', kernelVersion: '6.1.112+', osImage: 'Container-Optimized OS from Google' });
    if (spot && n.spec) n.spec.taints = [{ key: 'cloud.google.com/gke-spot', value: 'true', effect: 'NoSchedule' }];
    return n;
  };
  // The spot VM was preempted at 00:52 and recreated under the same name: Ready again since 00:55.
  const nodes = [gke('default-pool', 'k2dq', 0, false), gke('spot-pool', 'x7kq', 1, true, 139), gke('spot-pool', 'm4vt', 2, true)];
  const names = nodes.map(nameOf);
  const image = 'europe-west4-docker.pkg.dev/acme-data-prod/analytics/rollup:2026.11.3';
  const tpl = {
    containers: [batchContainer({ name: 'rollup', image, args: ['--date=yesterday', '--sink=bq://acme-data-prod.analytics.daily_rollup'], cpu: '3', memory: '24Gi' })],
    nodeSelector: { 'cloud.google.com/gke-spot': 'true' },
    tolerations: [{ key: 'cloud.google.com/gke-spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' }],
    serviceAccountName: 'rollup',
    terminationGracePeriodSeconds: 25,
  };
  const shutdown = 'Pod was terminated in response to imminent node shutdown.';
  const createdAgo = 164; // 00:30
  const cj = cronJob({
    namespace: ns, name: 'nightly-rollup', schedule: '30 0 * * *', template: tpl, backoffLimit: 3, createdAgo: 230 * DAYS,
    jobs: [
      { createdAgo: createdAgo + 1 * DAYS, pods: [{ node: names[2] ?? '', createdAgo: createdAgo + 1 * DAYS, phase: 'Succeeded', containers: { rollup: terminated({ exitCode: 0, finishedAgo: createdAgo + 1 * DAYS - 24, ranSeconds: 1420 }) } }], outcome: { complete: true, ago: createdAgo + 1 * DAYS - 24 } },
      {
        createdAgo,
        pods: [
          { node: names[1] ?? '', createdAgo, phase: 'Failed', reason: 'Terminated', message: shutdown, containers: { rollup: terminated({ exitCode: 143, reason: 'Error', finishedAgo: 142, ranSeconds: 1300 }) }, conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: shutdown, lastTransitionTime: ago(142.4) }] },
          { node: names[2] ?? '', createdAgo: 142, phase: 'Succeeded', containers: { rollup: terminated({ exitCode: 0, finishedAgo: 119, ranSeconds: 1370 }) } },
        ],
        outcome: { complete: true, ago: 119 },
      },
    ],
    lastSuccessfulAgo: 119,
  });
  const done = cj.jobs[1];
  const lost = done?.pods[0];
  const retry = done?.pods[1];
  const superset = bystander(ns, 'superset', names, 38, { revisions: [14, 15], versions: ['4.1.1', '4.1.2'], olderAgo: 27 * DAYS });
  const rollLog = (from: number, to: number, killed: boolean) => lines(
    `${pyTime(from)} INFO rollup.main: starting daily rollup for 2026-11-20 (partitions=96, sink=bq://acme-data-prod.analytics.daily_rollup)`,
    `${pyTime(from - 3)} INFO rollup.extract: read 48 of 96 partitions (1.21 GiB)`,
    `${pyTime(from - 9)} INFO rollup.extract: read 96 of 96 partitions (2.44 GiB)`,
    `${pyTime(from - 15)} INFO rollup.transform: aggregated 18,204,771 events into 311,408 rows`,
    ...(killed
      ? [`${pyTime(to + 0.3)} WARNING rollup.main: received SIGTERM, aborting before load (no rows written)`]
      : [
        `${pyTime(to + 1.5)} INFO rollup.load: loading 311,408 rows into analytics.daily_rollup$20261120 (WRITE_TRUNCATE)`,
        `${pyTime(to + 0.2)} INFO rollup.load: job bq-load-2026-11-20-7f1c done, 311,408 rows`,
        `${pyTime(to)} INFO rollup.main: finished in ${Math.round((from - to) * 60)}s`,
      ]),
  );
  return {
    id: 'heldout33-nightly-job-retried-after-spot-preemption',
    class: 'healthy',
    truth: 'The nightly-rollup CronJob\'s run of 00:30 (job created 164 minutes ago) lost its first pod when the GKE spot VM gke-data-prod-spot-pool-8f2c1d3e-x7kq was preempted at 00:52: the kubelet\'s graceful node shutdown terminated the pod (Failed, "Pod was terminated in response to imminent node shutdown.", DisruptionTarget, exit 143) before it had written anything. The Job controller retried on another spot node, the retry loaded the day\'s rows and the Job completed two hours ago (succeeded 1, failed 1, within backoffLimit 3). The preempted node was recreated and is Ready. Nothing to do: this is the expected behaviour of a retried Job on spot capacity.',
    ask: { service: 'nightly-rollup', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...superset.objects,
      ...exposed({ namespace: ns, name: 'superset', selector: { app: 'superset' }, pods: superset.pods }),
      scaledReplicaSet(deploymentOf(superset), rsOf(superset, 15), 2, 0, 38),
      scaledReplicaSet(deploymentOf(superset), rsOf(superset, 14), 0, 2, 37),
    ],
    logs: [
      ...(lost ? [logsFor(lost, 'rollup', { current: rollLog(163.8, 142, true) })] : []),
      ...(retry ? [logsFor(retry, 'rollup', { current: rollLog(141.8, 119, false) })] : []),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/complet|succe|healthy|no (action|problem|issue)|nothing/i],
      facts: [/spot|preempt|node shutdown|shutdown/i, /retr(y|ied)|second (pod|attempt)|succeeded/i],
      never: [ADVISES_ROLLBACK, /BackoffLimitExceeded/, /\bOOM|out of memory/i, /crash ?loop/i, /superset/, /node[^\n]{0,30}(is )?(down|NotReady|unhealthy)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  ephemeralStorageTypo(),
  pingLivenessNoNetRaw(),
  rabbitDiskAlarm(),
  keystoreTypeChanged(),
  cronJobForbidden(),
  hpaMaxLowered(),
  nightlyJobSurvivedSpotPreemption(),
];
