// Held-out stories, thirty-fifth round, part two: (nodes) a new node group on a custom AL2023 AMI
// whose containerd runs the systemd cgroup driver while the kubelet is still configured for
// cgroupfs, so aws-node's sandbox never starts, the CNI never initializes and the new nodes stay
// NotReady while the old ones are cordoned and drained, leaving ledger-api's evicted pods Pending;
// (network) an ingress NetworkPolicy that admits checkout-api to port name `http` after the new
// fraud-scorer revision renamed its container port to `web`, so every caller times out though the
// pods are ready; (storage) a new tile-cache Deployment pinned by nodeSelector to eu-west-1c whose
// claim uses a WaitForFirstConsumer StorageClass allowed only in 1a and 1b, so it never provisions;
// (capacity) a Go quote engine with a 1-CPU limit whose GOMAXPROCS defaults to 64 after the move to
// m6i.16xlarge nodes, so CFS throttling explodes p99 and readiness times out; (rollout) an ingress
// Envoy Deployment with required pod anti-affinity per node, maxUnavailable 0 and a three-node pool
// at its max size, so the surge pod of the new revision can never schedule and the rollout hangs
// at ProgressDeadlineExceeded; (probes) a gRPC readiness probe asking the health service for
// `inventory.v1.InventoryService` after the release renamed the proto package to v2, so new pods
// answer NotFound "unknown service" and never become ready; and a healthy control: an auth gateway
// whose logs are full of error-level "token is expired" rejections of clients and whose pods saw
// transient FailedMount "not registered" events after a node rotation two hours ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, container, deploymentApp, event, exposed, failedScheduling, httpProbe, nameOf, node,
  networkPolicy, notTriggerScaleUp, probeFailed, probeKilling, pvc, running, scaledReplicaSet, rsOf, startedNormally,
  tcpProbe, replicaSetOf, nodeEvent,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** logfmt / Go `time.RFC3339Nano`-ish time. */
const ts = (minutes: number): string => at(minutes);

// ---- 1. new node group: containerd systemd cgroups vs kubelet cgroupfs --------------------------------

function nodeGroupCgroupDriverMismatch(): CorpusScenario {
  const ns = 'ledger';
  const oldPool = 'apps-al2023-v6';
  const newPool = 'apps-al2023-v7';
  const oldNames = ['10.0.41.17', '10.0.87.130', '10.0.122.9'].map(eksNodeName);
  const newNames = ['10.0.44.203', '10.0.90.61', '10.0.115.188'].map(eksNodeName);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const notReadyMsg = 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';
  const oldNodes = oldNames.map((n, i) => node({
    name: n, zone: zones[i], pool: oldPool, createdAgo: 34 * DAYS, unschedulable: true,
    taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: new Date(Date.parse(at(38 - i * 4))) }],
  }));
  const newNodes = newNames.map((n, i) => {
    const nd = node({
      name: n, zone: zones[i], pool: newPool, createdAgo: 47 - i, ready: 'False', readySince: 47 - i, readyReason: 'KubeletNotReady', readyMessage: notReadyMsg,
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule', timeAdded: new Date(Date.parse(at(47 - i))) }],
    });
    if (nd.status?.nodeInfo) nd.status.nodeInfo.osImage = 'Amazon Linux 2023.6.20241202 (ledger-hardened-v7)';
    if (nd.metadata?.labels) nd.metadata.labels['node.kubernetes.io/ami'] = 'ami-0c7f3e19b5a2d8e41';
    return nd;
  });
  const sched = '0/6 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 3 node(s) were unschedulable. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.';
  const image = (v: string) => `${ECR}/ledger/ledger-api:${v}`;
  const tpl = {
    containers: [container({
      image: image('2.18.4'), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'LEDGER_DB_HOST', value: 'ledger-db.cluster-cq81mxz0ab.eu-west-1.rds.amazonaws.com' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  };
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 6,
    revisions: [{ revision: 22, createdAgo: 6 * DAYS, changeCause: 'argocd: ledger-api 2.18.4', template: tpl }],
    pods: [
      { revision: 22, node: oldNames[2] ?? '', createdAgo: 6 * DAYS },
      { revision: 22, node: oldNames[2] ?? '', createdAgo: 6 * DAYS },
      { revision: 22, node: oldNames[1] ?? '', createdAgo: 3 * DAYS },
      { revision: 22, unschedulable: sched, createdAgo: 37 },
      { revision: 22, unschedulable: sched, createdAgo: 37 },
      { revision: 22, unschedulable: sched, createdAgo: 33 },
    ],
  });
  const other = bystander(ns, 'ledger-statements', [oldNames[2] ?? '', oldNames[1] ?? ''], 26 * HOURS, { revisions: [11, 12], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const pending = [3, 4, 5].map((i) => podOf(api, i));
  const sandboxMsg = (i: number) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: expected cgroupsPath to be of format "slice:prefix:name" for systemd cgroups, got "/kubepods/burstable/pod${['3f0c2a91', '8b1d77e0', 'c45e0f12'][i]}-6d2e-4a1b-9f3c-0e8a7b5d21c${i}/${['0a9e', '71bd', 'e3f4'][i]}5c2d8b0e4f1a9c3b7d6e2f8a1c4b9d0e7f3a6c5b2d1e0f9a8b7c6d5e4f3a2b" instead: unknown`;
  const objects: KubeJson[] = [
    ...oldNodes, ...newNodes, ...api.objects, ...other.objects,
    ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
    ...pending.map((p) => failedScheduling(p, sched, { count: 14, firstAgo: 37, lastAgo: 1 })),
    ...pending.map((p) => notTriggerScaleUp(p, `3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 1 max node group size reached`, { count: 9, firstAgo: 36, lastAgo: 2 })),
    ...pending.map((p, i) => event({ on: { kind: 'ReplicaSet', name: rsOf(api, 22), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: i === 2 ? 33 : 37, lastAgo: i === 2 ? 33 : 37, component: 'replicaset-controller' })),
    ...oldNames.map((n, i) => nodeEvent(n, 'NodeNotSchedulable', `Node ${n} status is now: NodeNotSchedulable`, { firstAgo: 38 - i * 4, component: 'kubelet' })),
    ...newNames.flatMap((n, i) => [
      nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: 47 - i }),
      nodeEvent(n, 'InvalidDiskCapacity', 'invalid capacity 0 on image filesystem', { type: 'Warning', firstAgo: 47 - i }),
      nodeEvent(n, 'NodeHasSufficientMemory', `Node ${n} status is now: NodeHasSufficientMemory`, { firstAgo: 47 - i }),
      nodeEvent(n, 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', { firstAgo: 47 - i }),
      nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 46.8 - i, component: 'node-controller' }),
      event({ on: { kind: 'Pod', name: `aws-node-${['x7k2p', 'q9d4m', 'h2w8r'][i]}`, namespace: 'kube-system' }, reason: 'FailedCreatePodSandBox', message: sandboxMsg(i), count: 180 - i * 3, firstAgo: 46.5 - i, lastAgo: 0.2 }),
      event({ on: { kind: 'Pod', name: `kube-proxy-${['b6m2t', 'r8n5z', 'w3c7k'][i]}`, namespace: 'kube-system' }, reason: 'FailedCreatePodSandBox', message: sandboxMsg(i).replace(/pod[0-9a-f]{8}/, `pod${['d1e2f3a4', 'e2f3a4b5', 'f3a4b5c6'][i]}`), count: 176 - i * 3, firstAgo: 46.5 - i, lastAgo: 0.3 }),
    ]),
  ];
  const apiLog = lines(
    `2026-11-21 02:31:02.114  INFO 1 --- [nio-8080-exec-7] c.a.ledger.api.PostingController        : POST /v1/postings 201 (38 ms)`,
    `2026-11-21 02:36:45.980  WARN 1 --- [nio-8080-exec-2] o.h.engine.jdbc.spi.SqlExceptionHelper  : SQL Warning Code: 0, SQLState: 00000`,
    `2026-11-21 03:01:17.302  INFO 1 --- [nio-8080-exec-4] c.a.ledger.api.PostingController        : POST /v1/postings 201 (112 ms)`,
    `2026-11-21 03:09:50.441  WARN 1 --- [nio-8080-exec-9] c.a.ledger.api.RateLimiter               : tenant acme-eu over soft limit (412 req/s > 400), shedding low-priority reads`,
    `2026-11-21 03:13:40.007  INFO 1 --- [nio-8080-exec-1] c.a.ledger.api.PostingController        : POST /v1/postings 201 (97 ms)`,
  );
  return {
    id: 'heldout35-nodegroup-cgroup-driver-mismatch',
    class: 'nodes',
    truth: 'A new node group (apps-al2023-v7) was built on a custom AMI whose containerd config sets SystemdCgroup = true while the bootstrap still writes cgroupDriver: cgroupfs for the kubelet; every sandbox fails in runc ("expected cgroupsPath to be of format slice:prefix:name for systemd cgroups"), so aws-node never starts, the CNI never initializes and the three new nodes stay NotReady (NetworkPluginNotReady) with the not-ready taint. The old node group was cordoned and drained anyway, so the three evicted ledger-api pods cannot schedule anywhere. Fix: uncordon the old nodes, align the cgroup driver in the new AMI, then roll again.',
    ask: { service: 'ledger-api', namespace: ns },
    objects,
    logs: [logsFor(podOf(api, 0), 'app', { current: apiLog })],
    expect: {
      verdict: 'problems',
      headline: [/nodes?/i, /not.?ready|never (became|become) ready|network (plugin )?not ready|cni|cgroup/i],
      facts: [/cni plugin not initialized|NetworkPluginNotReady|network not ready/i, /not-ready|NotReady/i, /unschedulable|cordon|drain/i, new RegExp(`${lit(newNames[0] ?? '').source}|apps-al2023-v7`), /Pending/i],
      never: [ADVISES_ROLLBACK, /\bOOM/i, /insufficient (cpu|memory)/i, /quota/i, /ledger-statements/i],
    },
  };
}

// ---- 2. NetworkPolicy allows port name `http`; the new revision renamed it `web` ----------------------

function netpolNamedPortRenamed(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.56', ['21', '148', '230']);
  const image = (v: string) => `${ECR}/payments/fraud-scorer:${v}`;
  const tpl = (v: string, portName: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: portName, containerPort: 8080 }, { name: 'metrics', containerPort: 9102 }], cpu: '1', memory: '1536Mi',
      env: [{ name: 'MODEL_URI', value: 's3://acme-ml-models/fraud/gbm-2026-11-14/model.onnx' }, { name: 'LISTEN_ADDR', value: ':8080' }],
      readiness: httpProbe('/readyz', portName, { timeoutSeconds: 2 }),
      liveness: httpProbe('/livez', portName, { initialDelaySeconds: 20 }),
    })],
  });
  const scorer = deploymentApp({
    namespace: ns, name: 'fraud-scorer', replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'helm upgrade fraud-scorer 3.4.2 (chart fraud-scorer-1.12.0)', template: tpl('3.4.2', 'http') },
      { revision: 15, createdAgo: 41, changeCause: 'helm upgrade fraud-scorer 3.5.0 (chart fraud-scorer-2.0.0)', template: tpl('3.5.0', 'web') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 41 - k * 1.5 })),
    settled: { available: true, availableSince: 37, progressingSince: 41, progressingUpdatedAgo: 37 },
  });
  const checkout = deploymentApp({
    namespace: ns, name: 'checkout-api', replicas: 3,
    revisions: [{ revision: 57, createdAgo: 4 * DAYS, changeCause: 'argocd: checkout-api 7.2.1', template: { containers: [container({ image: `${ECR}/payments/checkout-api:7.2.1`, env: [{ name: 'FRAUD_SCORER_URL', value: 'http://fraud-scorer.payments.svc.cluster.local' }, { name: 'FRAUD_TIMEOUT', value: '800ms' }], readiness: httpProbe('/health/ready', 8080) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const other = bystander(ns, 'payout-batcher', names, 2 * HOURS + 10, { revisions: [30, 31], versions: ['5.0.3', '5.0.4'], olderAgo: 12 * DAYS });
  const policy = networkPolicy({
    namespace: ns, name: 'fraud-scorer-ingress', createdAgo: 210 * DAYS, podSelector: { app: 'fraud-scorer' }, policyTypes: ['Ingress'],
    ingress: [
      { from: [{ podSelector: { matchLabels: { app: 'checkout-api' } } }, { podSelector: { matchLabels: { app: 'refund-worker' } } }], ports: [{ protocol: 'TCP', port: 'http' } as unknown as k8s.V1NetworkPolicyPort] },
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 'metrics' } as unknown as k8s.V1NetworkPolicyPort] },
    ],
  });
  const defaultDeny = networkPolicy({ namespace: ns, name: 'default-deny-ingress', createdAgo: 400 * DAYS, podSelector: {}, policyTypes: ['Ingress'] });
  const rs15 = replicaSetOf(scorer, 15);
  const objects: KubeJson[] = [
    ...nodes, ...scorer.objects, ...checkout.objects, ...other.objects, policy, defaultDeny,
    ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], pods: scorer.pods }),
    ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: checkout.pods }),
    scaledReplicaSet(deploymentOf(scorer), nameOf(rs15), 1, 0, 41),
    scaledReplicaSet(deploymentOf(scorer), rsOf(scorer, 14), 2, 3, 40),
    scaledReplicaSet(deploymentOf(scorer), nameOf(rs15), 3, 2, 38.5),
    scaledReplicaSet(deploymentOf(scorer), rsOf(scorer, 14), 0, 1, 37),
    ...scorer.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.5.0'), 41 - k * 1.5)),
    ...scorer.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/readyz": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 2, firstAgo: 40.8 - k * 1.5, lastAgo: 40.7 - k * 1.5 })),
  ];
  const scorerLog = (k: number) => lines(
    `{"time":"${ts(40.9 - k * 1.5)}","level":"INFO","msg":"loading model","uri":"s3://acme-ml-models/fraud/gbm-2026-11-14/model.onnx"}`,
    `{"time":"${ts(40.6 - k * 1.5)}","level":"INFO","msg":"model loaded","features":212,"load_ms":14210}`,
    `{"time":"${ts(40.6 - k * 1.5)}","level":"INFO","msg":"http server listening","addr":":8080","port_name":"web"}`,
    `{"time":"${ts(40.5 - k * 1.5)}","level":"INFO","msg":"metrics server listening","addr":":9102"}`,
    ...[30, 20, 10, 1].map((t) => `{"time":"${ts(t)}","level":"INFO","msg":"stats","window":"60s","requests":0,"score_p99_ms":0,"probe_requests":12}`),
  );
  const callerLog = (k: number) => lines(
    `{"level":"info","ts":"${ts(45 - k)}","msg":"fraud check","order":"ord_8Hq${k}2xN","score":0.07,"duration_ms":21}`,
    ...[38, 31, 24, 17, 9, 4, 1.2].map((t, i) => `{"level":"error","ts":"${ts(t - k * 0.1)}","msg":"fraud check failed, falling back to manual review queue","order":"ord_${(9137 + i * 311 + k * 53).toString(36)}Zq","error":"Post \\"http://fraud-scorer.payments.svc.cluster.local/v2/score\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)","timeout":"800ms"}`),
    `{"level":"warn","ts":"${ts(0.8 - k * 0.1)}","msg":"circuit breaker open","target":"fraud-scorer","consecutive_failures":50,"retry_in":"30s"}`,
  );
  return {
    id: 'heldout35-netpol-named-port-renamed',
    class: 'network',
    truth: 'fraud-scorer 3.5.0 (chart 2.0.0, revision 15, 41 minutes ago) renamed its container port from "http" to "web" (same number 8080). The NetworkPolicy fraud-scorer-ingress admits checkout-api and refund-worker only to the named port "http", which no longer resolves on the new pods, and default-deny-ingress drops everything else, so every caller times out while the pods are healthy and Ready (kubelet probes still pass). Fix: allow port "web" (or 8080) in the policy, or restore the port name.',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects,
    logs: [
      logsFor(podOf(scorer, 0), 'app', { current: scorerLog(0) }),
      logsFor(podOf(scorer, 1), 'app', { current: scorerLog(1) }),
      logsFor(podOf(checkout, 0), 'app', { current: callerLog(0) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/network ?polic|netpol|ingress (rule|policy)/i, /port|\bweb\b|\bhttp\b/i],
      facts: [lit('fraud-scorer-ingress'), /\bweb\b/, /named port|port name|renamed|no longer (matches|resolves)/i, /checkout-api/, /3\.5\.0|revision 15/i],
      never: [/\bOOM/i, /readiness probe (fail|timed out)|pods? (are |is )?not ready/i, /no (ready )?endpoints/i, /DNS/i, /payout-batcher/i],
    },
  };
}

// ---- 3. WaitForFirstConsumer class limited to 1a/1b, pod pinned to 1c ----------------------------------

function wffcClassZonesVsPinnedPod(): CorpusScenario {
  const ns = 'maps';
  const { nodes, names } = threeEksNodes('10.0.33', ['40', '129', '214']);
  const image = `${ECR}/maps/tile-cache:1.0.0`;
  const cache = deploymentApp({
    namespace: ns, name: 'tile-cache', replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [{
      revision: 1, createdAgo: 34, changeCause: 'argocd: tile-cache 1.0.0 (initial)',
      template: {
        containers: [container({
          image, ports: [8080], cpu: '500m', memory: '2Gi',
          env: [{ name: 'CACHE_DIR', value: '/var/cache/tiles' }, { name: 'UPSTREAM', value: 'http://tile-renderer.maps.svc.cluster.local' }, { name: 'MAX_CACHE_GB', value: '180' }],
          readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 10 }),
          volumeMounts: [{ name: 'tiles', mountPath: '/var/cache/tiles' }],
        })],
        volumes: [{ name: 'tiles', persistentVolumeClaim: { claimName: 'tile-cache-data' } }],
        nodeSelector: { 'topology.kubernetes.io/zone': 'eu-west-1c' },
      },
    }],
    pods: [{ revision: 1, unschedulable: '0/3 nodes are available: 1 node(s) didn\'t find available persistent volumes to bind, 2 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', createdAgo: 34 }],
  });
  const renderer = deploymentApp({
    namespace: ns, name: 'tile-renderer', replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 15 * DAYS, template: { containers: [container({ image: `${ECR}/maps/tile-renderer:4.1.0` })] } },
      { revision: 19, createdAgo: 52, changeCause: 'argocd: tile-renderer 4.2.0', template: { containers: [container({ image: `${ECR}/maps/tile-renderer:4.2.0` })] } },
    ],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 52 }, { revision: 19, node: names[2] ?? '', createdAgo: 51 }],
  });
  const claim = pvc({ namespace: ns, name: 'tile-cache-data', storage: '200Gi', storageClass: 'gp3-zonal-ab', phase: 'Pending', createdAgo: 34, labels: { app: 'tile-cache', 'app.kubernetes.io/managed-by': 'argocd' } });
  const p = podOf(cache, 0);
  const msg = '0/3 nodes are available: 1 node(s) didn\'t find available persistent volumes to bind, 2 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
  const objects: KubeJson[] = [
    ...nodes, ...cache.objects, ...renderer.objects, claim,
    ...exposed({ namespace: ns, name: 'tile-cache', selector: { app: 'tile-cache' }, pods: cache.pods, createdAgo: 34 }),
    ...exposed({ namespace: ns, name: 'tile-renderer', selector: { app: 'tile-renderer' }, pods: renderer.pods }),
    failedScheduling(p, msg, { count: 21, firstAgo: 34, lastAgo: 1.5 }),
    event({ on: claim, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', count: 2, firstAgo: 34, lastAgo: 34, component: 'persistentvolume-controller' }),
    event({ on: claim, type: 'Normal', reason: 'WaitForPodScheduled', message: `waiting for pod ${nameOf(p)} to be scheduled`, count: 137, firstAgo: 33.9, lastAgo: 0.2, component: 'persistentvolume-controller' }),
    notTriggerScaleUp(p, '1 node(s) didn\'t find available persistent volumes to bind, 2 node(s) didn\'t match Pod\'s node affinity/selector', { count: 18, firstAgo: 33, lastAgo: 2 }),
    scaledReplicaSet(deploymentOf(cache), rsOf(cache, 1), 1, 0, 34),
  ];
  return {
    id: 'heldout35-wffc-storageclass-zones-vs-pinned-pod',
    class: 'storage',
    truth: 'The new tile-cache Deployment pins its pod to eu-west-1c with a nodeSelector, but its claim tile-cache-data uses StorageClass gp3-zonal-ab (WaitForFirstConsumer, allowedTopologies eu-west-1a and eu-west-1b only). The only node the selector admits is in a zone where the class may not provision, so the scheduler reports "didn\'t find available persistent volumes to bind", the claim stays Pending waiting for its first consumer, and the pod has been Pending for 34 minutes. Fix: use a class allowed in 1c (or drop the zone pin).',
    ask: { service: 'tile-cache', namespace: ns },
    objects,
    expect: {
      verdict: 'problems',
      headline: [/volume|pvc|claim|storage/i, /zone|topolog|bind|provision|eu-west-1c|Pending/i],
      facts: [lit('tile-cache-data'), lit('gp3-zonal-ab'), /eu-west-1c/, /didn't find available persistent volumes to bind|allowed ?topolog|WaitForFirstConsumer|first consumer/i],
      never: [/insufficient (cpu|memory)/i, /quota/i, /Multi-Attach/i, /\bOOM/i, /tile-renderer/i],
    },
  };
}

// ---- 4. Go GOMAXPROCS=64 under a 1-CPU limit on m6i.16xlarge nodes -------------------------------------

function goMaxProcsThrottling(): CorpusScenario {
  const ns = 'pricing';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const big = { cpu: '63770m', 'ephemeral-storage': '76224326324', memory: '248576940Ki', pods: '234' };
  const nodes = ['10.0.12.87', '10.0.71.4', '10.0.140.66'].map((ip, i) => {
    const n = node({ name: eksNodeName(ip), zone: zones[i], pool: 'general-16xl', instanceType: 'm6i.16xlarge', createdAgo: 2 * DAYS + 3 * HOURS, readySince: 2 * DAYS + 3 * HOURS, allocatable: big });
    if (n.status) n.status.capacity = { cpu: '64', 'ephemeral-storage': '83873772Ki', memory: '259970956Ki', pods: '234' };
    return n;
  });
  const names = nodes.map(nameOf);
  const image = `${ECR}/pricing/quote-engine:6.3.2`;
  const engine = deploymentApp({
    namespace: ns, name: 'quote-engine', replicas: 4,
    revisions: [{
      revision: 41, createdAgo: 11 * DAYS, changeCause: 'argocd: quote-engine 6.3.2',
      template: {
        containers: [container({
          image, ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '500m', cpuLimit: '1', memory: '1Gi',
          env: [{ name: 'GOMEMLIMIT', value: '900MiB' }, { name: 'RATES_URL', value: 'http://fx-rates.pricing.svc.cluster.local' }, { name: 'WORKER_POOL', value: 'auto' }],
          readiness: httpProbe('/readyz', 8080, { timeoutSeconds: 1, periodSeconds: 5 }),
          liveness: httpProbe('/healthz', 8080, { timeoutSeconds: 1, periodSeconds: 10, failureThreshold: 3 }),
        })],
      },
    }],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 41, node: names[k % 3] ?? '', createdAgo: 2 * DAYS + 2 * HOURS - k * 3,
      containers: { app: running({ sinceAgo: k === 1 ? 3 * HOURS + 12 : k === 3 ? 17 * HOURS : 2 * DAYS + 2 * HOURS - k * 3, ready: k !== 2, restarts: k === 1 || k === 3 ? 1 : 0, ...(k === 1 || k === 3 ? { last: { exitCode: 143, reason: 'Error', finishedAgo: k === 1 ? 3 * HOURS + 12 : 17 * HOURS, ranSeconds: 40000 } } : {}) }) },
    })),
    settled: { available: true, availableSince: 11 * DAYS, progressingSince: 11 * DAYS },
  });
  const fx = bystander(ns, 'fx-rates', names, 5 * HOURS, { revisions: [9, 10], versions: ['2.0.1', '2.0.2'], olderAgo: 30 * DAYS });
  const ip = (k: number) => ipOfPod(podOf(engine, k));
  const objects: KubeJson[] = [
    ...nodes, ...engine.objects, ...fx.objects,
    ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: engine.pods }),
    ...[0, 1, 2, 3].map((k) => probeFailed(podOf(engine, k), 'app', 'Readiness', `Get "http://${ip(k)}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 40 + k * 17, firstAgo: 2 * DAYS - k * 30, lastAgo: k === 2 ? 0.2 : 3 + k })),
    probeFailed(podOf(engine, 1), 'app', 'Liveness', `Get "http://${ip(1)}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 6, firstAgo: 19 * HOURS, lastAgo: 3 * HOURS + 12.5 }),
    probeKilling(podOf(engine, 1), 'app', 'liveness', { count: 1, firstAgo: 3 * HOURS + 12.3 }),
    probeFailed(podOf(engine, 3), 'app', 'Liveness', `Get "http://${ip(3)}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 17 * HOURS + 1, lastAgo: 17 * HOURS + 0.2 }),
    probeKilling(podOf(engine, 3), 'app', 'liveness', { count: 1, firstAgo: 17 * HOURS + 0.1 }),
    ...names.map((n) => nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 2 * DAYS + 3 * HOURS, component: 'node-controller' })),
  ];
  const engineLog = (k: number, startAgo: number) => lines(
    `{"level":"info","ts":"${ts(startAgo)}","caller":"cmd/quote-engine/main.go:61","msg":"starting quote-engine","version":"6.3.2","go":"go1.22.7","GOMAXPROCS":64,"NumCPU":64,"GOMEMLIMIT":"900MiB"}`,
    `{"level":"info","ts":"${ts(startAgo)}","caller":"pool/pool.go:38","msg":"worker pool sized from runtime.GOMAXPROCS","workers":64}`,
    `{"level":"info","ts":"${ts(startAgo - 0.02)}","caller":"server/http.go:44","msg":"listening","addr":":8080"}`,
    ...[55, 44, 33, 22, 11, 2].flatMap((t, i) => [
      `{"level":"warn","ts":"${ts(t - k * 0.2)}","caller":"middleware/latency.go:71","msg":"slow request","route":"POST /v3/quotes","duration_ms":${1480 + i * 233 + k * 71},"queue_wait_ms":${1210 + i * 190}}`,
      `{"level":"info","ts":"${ts(t - 0.5 - k * 0.2)}","caller":"stats/stats.go:90","msg":"latency window","window":"60s","rps":${310 + i * 7},"p50_ms":${14 + i},"p99_ms":${2350 + i * 180 + k * 40},"goroutines":${1830 + i * 12},"gc_pause_p99_ms":${180 + i * 9}}`,
    ]),
    `{"level":"info","ts":"${ts(0.3)}","caller":"middleware/latency.go:64","msg":"request","route":"GET /v3/currencies","status":200,"duration_ms":3}`,
  );
  return {
    id: 'heldout35-go-gomaxprocs-cfs-throttling',
    class: 'capacity',
    truth: 'quote-engine (Go 1.22, no automaxprocs) has a 1-CPU limit; GOMAXPROCS defaults to the node\'s CPU count, and since the node pool moved to m6i.16xlarge two days ago it is 64. Sixty-four runnable threads (and a 64-worker pool, plus parallel GC) burn the 100 ms CFS quota in a few milliseconds and the container is throttled for the rest of each period, so p99 went from tens of ms to over 2 s and the 1 s readiness probes time out intermittently; two liveness restarts, no OOM. Fix: set GOMAXPROCS from the limit (automaxprocs or GOMAXPROCS=1/2 via resourceFieldRef) or raise the limit.',
    ask: { service: 'quote-engine', namespace: ns },
    objects,
    logs: [
      logsFor(podOf(engine, 0), 'app', { current: engineLog(0, 2 * DAYS + 2 * HOURS - 0.2) }),
      logsFor(podOf(engine, 2), 'app', { current: engineLog(2, 2 * DAYS + 2 * HOURS - 6.2) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cpu|GOMAXPROCS|throttl/i, /throttl|GOMAXPROCS|limit|latency/i],
      facts: [/GOMAXPROCS/, /\b64\b/, /throttl/i, /limit[^\n]{0,40}\b(1|1000m)\b|\b1 ?(cpu|core|vCPU)\b/i, /m6i\.16xlarge|node pool|bigger nodes/i],
      never: [/OOM|out of memory/i, /crash ?loop/i, ADVISES_ROLLBACK, /fx-rates/i, /wrong (probe )?port/i],
    },
  };
}

// ---- 5. rollout deadlock: required anti-affinity + maxUnavailable 0 on a full three-node pool -------------

function antiAffinitySurgeDeadlock(): CorpusScenario {
  const ns = 'edge';
  const edge = ['10.0.20.11', '10.0.84.52', '10.0.150.93'].map((ip, i) => node({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i], pool: 'edge', instanceType: 'c6in.2xlarge', labels: { 'acme.io/role': 'edge' }, taints: [{ key: 'acme.io/edge', value: 'true', effect: 'NoSchedule' }], createdAgo: 19 * DAYS }));
  const { nodes: general, names: gnames } = threeEksNodes('10.0.101', ['14', '77', '203']);
  const enames = edge.map(nameOf);
  const image = (v: string) => `docker.io/envoyproxy/envoy:${v}`;
  const tpl = (v: string, cfg: string) => ({
    containers: [container({
      name: 'envoy', image: image(v), args: ['-c', '/etc/envoy/envoy.yaml', '--log-level', 'info', '--drain-time-s', '45'],
      ports: [{ name: 'https', containerPort: 8443 }, { name: 'admin', containerPort: 9901 }], cpu: '2', memory: '2Gi',
      readiness: httpProbe('/ready', 'admin', { periodSeconds: 5 }), liveness: tcpProbe('https', { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/envoy' }],
    })],
    volumes: [{ name: 'config', configMap: { name: cfg } }],
    nodeSelector: { 'acme.io/role': 'edge' },
    tolerations: [{ key: 'acme.io/edge', operator: 'Equal', value: 'true', effect: 'NoSchedule' }],
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'edge-envoy' } }, topologyKey: 'kubernetes.io/hostname' }] } },
    terminationGracePeriodSeconds: 60,
  });
  const pendingMsg = '0/6 nodes are available: 3 node(s) didn\'t match Pod\'s node affinity/selector, 3 node(s) didn\'t match pod anti-affinity rules. preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.';
  const envoy = deploymentApp({
    namespace: ns, name: 'edge-envoy', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 26, createdAgo: 19 * DAYS, changeCause: 'argocd: edge-envoy v1.31.2 config 8d2e1f0', template: tpl('v1.31.2', 'edge-envoy-8d2e1f0') },
      { revision: 27, createdAgo: 48, changeCause: 'argocd: edge-envoy v1.31.4 config 4b7c9aa', template: tpl('v1.31.4', 'edge-envoy-4b7c9aa') },
    ],
    pods: [
      { revision: 26, node: enames[0] ?? '', createdAgo: 19 * DAYS },
      { revision: 26, node: enames[1] ?? '', createdAgo: 19 * DAYS },
      { revision: 26, node: enames[2] ?? '', createdAgo: 6 * DAYS },
      { revision: 27, unschedulable: pendingMsg, createdAgo: 48 },
    ],
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: new Date(Date.parse(at(19 * DAYS))), lastTransitionTime: new Date(Date.parse(at(19 * DAYS))) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'has timed out progressing.', lastUpdateTime: new Date(Date.parse(at(38))), lastTransitionTime: new Date(Date.parse(at(38))) },
    ],
  });
  const cond = (deploymentOf(envoy) as { status?: { conditions?: k8s.V1DeploymentCondition[] } }).status?.conditions?.find((c) => c.type === 'Progressing');
  if (cond) cond.message = `ReplicaSet "${rsOf(envoy, 27)}" has timed out progressing.`;
  const other = bystander(ns, 'edge-authz', gnames, 3 * HOURS, { revisions: [15, 16], versions: ['0.9.7', '0.9.8'], olderAgo: 25 * DAYS });
  const surge = podOf(envoy, 3);
  const objects: KubeJson[] = [
    ...edge, ...general, ...envoy.objects, ...other.objects,
    ...exposed({ namespace: ns, name: 'edge-envoy', selector: { app: 'edge-envoy' }, type: 'LoadBalancer', ports: [{ name: 'https', port: 443, targetPort: 'https' }], pods: envoy.pods, endpointPort: 8443 }),
    scaledReplicaSet(deploymentOf(envoy), rsOf(envoy, 27), 1, 0, 48),
    failedScheduling(surge, pendingMsg, { count: 29, firstAgo: 48, lastAgo: 2 }),
    notTriggerScaleUp(surge, '3 node(s) didn\'t match Pod\'s node affinity/selector, 1 max node group size reached', { count: 31, firstAgo: 47.5, lastAgo: 1 }),
    event({ on: deploymentOf(envoy), reason: 'ProgressDeadlineExceeded', message: `Deployment "edge-envoy" has timed out progressing.`, type: 'Warning', firstAgo: 38, lastAgo: 38, component: 'deployment-controller' }),
  ];
  const envoyLog = lines(
    `[${at(40).replace('T', ' ').replace('Z', '')}][1][info][upstream] [source/common/upstream/cluster_manager_impl.cc:240] cm init: all clusters initialized`,
    `[${at(22).replace('T', ' ').replace('Z', '')}][27][warning][config] [source/extensions/config_subscription/grpc/grpc_stream.h:155] StreamAggregatedResources gRPC config stream to xds_cluster closed since 31s ago: 14, upstream connect error or disconnect/reset before headers. reset reason: connection termination`,
    `[${at(3).replace('T', ' ').replace('Z', '')}][1][info][main] [source/server/drain_manager_impl.cc:208] shutting down parent after drain`,
  );
  return {
    id: 'heldout35-anti-affinity-surge-deadlock',
    class: 'rollout',
    truth: 'Rollout deadlock: edge-envoy requires one pod per node (required podAntiAffinity on kubernetes.io/hostname), runs only on the three-node edge pool (already at its max size) and rolls with maxSurge 1 / maxUnavailable 0. The surge pod of revision 27 (envoy v1.31.4) fits on no node, since every edge node already holds an old pod that will not be removed before the new one is Ready, so the rollout has hung 48 minutes and hit ProgressDeadlineExceeded; the old pods still serve. Fix: maxUnavailable 1 / maxSurge 0 (or raise the pool max).',
    ask: { service: 'edge-envoy', namespace: ns },
    objects,
    logs: [logsFor(podOf(envoy, 0), 'envoy', { current: envoyLog })],
    expect: {
      verdict: 'problems',
      headline: [/rollout|rolling update|deploy|revision 27|stuck|stall|deadlock|progress/i, /anti-?affinity|maxUnavailable|surge|no (room|node)|schedul/i],
      facts: [/anti-?affinity/i, /maxUnavailable\W{0,3}0|max ?unavailable (of |is |= ?)?(0|zero)|maxSurge/i, /ProgressDeadlineExceeded|progress deadline|timed out progressing/i, /max node group size|three|3 (edge )?nodes/i],
      never: [/ImagePull|image (not found|pull)/i, /insufficient (cpu|memory)/i, /quota/i, /crash ?loop/i, /edge-authz/i],
    },
  };
}

// ---- 6. gRPC readiness probe asks the health service for a renamed service ----------------------------

function grpcProbeServiceRenamed(): CorpusScenario {
  const ns = 'warehouse';
  const { nodes, names } = threeEksNodes('10.0.64', ['9', '117', '241']);
  const image = (v: string) => `${ECR}/warehouse/inventory-svc:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'grpc', containerPort: 9090 }, { name: 'metrics', containerPort: 9464 }], cpu: '500m', memory: '512Mi',
      env: [{ name: 'GRPC_ADDR', value: ':9090' }, { name: 'PG_DSN', value: 'postgres://inventory@inventory-db.warehouse.svc:5432/inventory' }],
      readiness: { grpc: { port: 9090, service: 'inventory.v1.InventoryService' }, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 } as k8s.V1Probe,
      liveness: tcpProbe(9090, { initialDelaySeconds: 15, periodSeconds: 20 }),
    })],
  });
  const inv = deploymentApp({
    namespace: ns, name: 'inventory-svc', replicas: 4,
    revisions: [
      { revision: 8, createdAgo: 23 * DAYS, changeCause: 'argocd: inventory-svc 2.14.0', template: tpl('2.14.0') },
      { revision: 9, createdAgo: 29, changeCause: 'argocd: inventory-svc 3.0.0', template: tpl('3.0.0') },
    ],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 23 * DAYS },
      { revision: 8, node: names[1] ?? '', createdAgo: 23 * DAYS },
      { revision: 8, node: names[2] ?? '', createdAgo: 9 * DAYS },
      { revision: 9, node: names[1] ?? '', createdAgo: 29, containers: { app: running({ sinceAgo: 28.8, ready: false }) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 29, containers: { app: running({ sinceAgo: 28.7, ready: false }) } },
    ],
  });
  const other = bystander(ns, 'pick-planner', names, 70, { revisions: [44, 45], versions: ['1.22.0', '1.22.1'], olderAgo: 6 * DAYS });
  const news = [podOf(inv, 3), podOf(inv, 4)];
  const objects: KubeJson[] = [
    ...nodes, ...inv.objects, ...other.objects,
    ...exposed({ namespace: ns, name: 'inventory-svc', selector: { app: 'inventory-svc' }, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], pods: inv.pods, endpointPort: 9090 }),
    scaledReplicaSet(deploymentOf(inv), rsOf(inv, 9), 1, 0, 29),
    scaledReplicaSet(deploymentOf(inv), rsOf(inv, 8), 3, 4, 29),
    scaledReplicaSet(deploymentOf(inv), rsOf(inv, 9), 2, 1, 29),
    ...news.flatMap((p) => startedNormally(p, 'app', image('3.0.0'), 29)),
    ...news.map((p) => probeFailed(p, 'app', 'Readiness', 'error: health rpc probe failed: rpc error: code = NotFound desc = unknown service', { count: 172, firstAgo: 28.6, lastAgo: 0.1 })),
  ];
  const invLog = (k: number) => lines(
    `time=${ts(28.8 - k * 0.05)} level=INFO msg="starting inventory-svc" version=3.0.0 commit=e41b07d`,
    `time=${ts(28.8 - k * 0.05)} level=INFO msg="connected to postgres" host=inventory-db.warehouse.svc db=inventory pool_max=25`,
    `time=${ts(28.7 - k * 0.05)} level=INFO msg="registered gRPC service" service=inventory.v2.InventoryService`,
    `time=${ts(28.7 - k * 0.05)} level=INFO msg="registered gRPC service" service=grpc.reflection.v1.ServerReflection`,
    `time=${ts(28.7 - k * 0.05)} level=INFO msg="health status set" service=inventory.v2.InventoryService status=SERVING`,
    `time=${ts(28.7 - k * 0.05)} level=INFO msg="health status set" service="" status=SERVING`,
    `time=${ts(28.7 - k * 0.05)} level=INFO msg="gRPC server listening" addr=[::]:9090`,
    `time=${ts(12)} level=WARN msg="stock sync lag" warehouse=DUB-2 lag=41s`,
  );
  return {
    id: 'heldout35-grpc-probe-health-service-renamed',
    class: 'probes',
    truth: 'A gRPC readiness probe names a health-check service that no longer exists: inventory-svc 3.0.0 (revision 9) moved its proto package to inventory.v2 and registers health status only for "inventory.v2.InventoryService" (and ""), but the readiness probe still asks grpc.health.v1.Health/Check for service "inventory.v1.InventoryService"; the health server answers NotFound "unknown service", so the two new pods run fine yet never become Ready and the rollout stalls at ProgressDeadlineExceeded with three old pods serving. Fix: update probe.grpc.service (or leave it empty).',
    ask: { service: 'inventory-svc', namespace: ns },
    objects,
    logs: [logsFor(news[0], 'app', { current: invLog(0) }), logsFor(news[1], 'app', { current: invLog(1) })],
    expect: {
      verdict: 'problems',
      headline: [/readiness|probe/i, /grpc|health (check )?service|service name|unknown service|NotFound|inventory\.v1/i],
      facts: [/NotFound|unknown service/i, lit('inventory.v1.InventoryService'), /inventory\.v2/, /3\.0\.0|revision 9/i],
      never: [/wrong port|port mismatch|connection refused/i, /\bOOM/i, /crash ?loop/i, /pick-planner/i, /postgres|database/i],
    },
  };
}

// ---- 7. healthy: error-level expired-token rejections and transient FailedMount after node rotation ----

function healthyAuthGatewayNoise(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.27', ['35', '162', '248']);
  for (const n of nodes) if (n.metadata) n.metadata.creationTimestamp = new Date(Date.parse(at(2 * HOURS + 25)));
  const image = `${ECR}/identity/auth-gateway:9.4.1`;
  const gw = deploymentApp({
    namespace: ns, name: 'auth-gateway', replicas: 3,
    revisions: [{ revision: 63, createdAgo: 8 * DAYS, changeCause: 'argocd: auth-gateway 9.4.1', template: { containers: [container({ image, cpu: '500m', memory: '384Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 5 }), env: [{ name: 'JWKS_URL', value: 'https://login.acme.io/.well-known/jwks.json' }, { name: 'UPSTREAM', value: 'http://session-store.identity.svc.cluster.local:8080' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 63, node: names[k] ?? '', createdAgo: 2 * HOURS + 14 - k * 2 })),
    settled: { available: true, availableSince: 2 * HOURS + 10, progressingSince: 8 * DAYS },
  });
  const store = deploymentApp({
    namespace: ns, name: 'session-store', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 30 * DAYS, template: { containers: [container({ image: `${ECR}/identity/session-store:3.1.0` })] } }],
    pods: [0, 1].map((k) => ({ revision: 12, node: names[k + 1] ?? '', createdAgo: 2 * HOURS + 12 - k })),
  });
  const objects: KubeJson[] = [
    ...nodes, ...gw.objects, ...store.objects,
    ...exposed({ namespace: ns, name: 'auth-gateway', selector: { app: 'auth-gateway' }, pods: gw.pods }),
    ...exposed({ namespace: ns, name: 'session-store', selector: { app: 'session-store' }, pods: store.pods }),
    ...gw.pods.flatMap((p, k) => [
      ...startedNormally(p, 'app', image, 2 * HOURS + 14 - k * 2),
      event({ on: p, reason: 'FailedMount', message: `MountVolume.SetUp failed for volume "kube-api-access-${['7xq2d', 'm4k9p', 'z2c8w'][k]}" : object "identity"/"kube-root-ca.crt" not registered`, count: 2, firstAgo: 2 * HOURS + 14 - k * 2, lastAgo: 2 * HOURS + 13.9 - k * 2 }),
      probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/ready": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 1, firstAgo: 2 * HOURS + 13.8 - k * 2, lastAgo: 2 * HOURS + 13.8 - k * 2 }),
    ]),
  ];
  const gwLog = (k: number) => {
    const out = [
      `{"level":"info","time":"${ts(2 * HOURS + 13.9 - k * 2)}","msg":"jwks refreshed","keys":3,"kids":["2026-10-a","2026-11-a","2026-11-b"]}`,
      `{"level":"info","time":"${ts(2 * HOURS + 13.8 - k * 2)}","msg":"listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 58 - i * 4 - k * 0.3;
      out.push(`{"level":"error","time":"${ts(t)}","msg":"token validation failed","client_id":"${['ios-app', 'android-app', 'partner-portal'][i % 3]}","err":"token has invalid claims: token is expired","expired_for":"${(i * 37) % 900 + 12}s","status":401,"path":"/v1/orders"}`);
      out.push(`{"level":"info","time":"${ts(t - 0.1)}","msg":"request","method":"GET","path":"/v1/orders","status":200,"upstream_ms":${18 + i}}`);
      if (i % 5 === 0) out.push(`{"level":"info","time":"${ts(t - 0.2)}","msg":"stats","window":"60s","requests":${4100 + i * 37},"status_2xx":${3960 + i * 30},"status_401":${118 + i},"status_5xx":0,"p99_ms":${41 + (i % 4)}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout35-healthy-auth-gateway-expired-tokens',
    class: 'healthy',
    truth: 'Nothing is wrong: auth-gateway\'s three pods have run Ready for two hours since Karpenter rotated the nodes. The error-level "token is expired" lines are clients (mobile apps refreshing late) being correctly rejected with 401, about 3% of traffic and steady, with 0 5xx and p99 ~42 ms; the FailedMount "kube-root-ca.crt not registered" events and one connection-refused readiness failure are the usual transient noise of a pod starting on a fresh node, resolved within seconds.',
    ask: { service: 'auth-gateway', namespace: ns },
    objects,
    logs: [logsFor(podOf(gw, 0), 'app', { current: gwLog(0) }), logsFor(podOf(gw, 1), 'app', { current: gwLog(1) })],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|looks fine|nothing (is )?wrong/i],
      facts: [/auth-gateway/, /3\/3|3 of 3|three|all (pods|replicas)/i],
      never: [/FailedMount|mount (failed|error)|volume/i, /token (validation|expired)|expired token|authenticat(ion)? fail|401/i, /readiness probe fail/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  nodeGroupCgroupDriverMismatch(),
  netpolNamedPortRenamed(),
  wffcClassZonesVsPinnedPod(),
  goMaxProcsThrottling(),
  antiAffinitySurgeDeadlock(),
  grpcProbeServiceRenamed(),
  healthyAuthGatewayNoise(),
];
