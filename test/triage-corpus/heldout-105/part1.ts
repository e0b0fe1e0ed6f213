// Held-out stories, round 105, part one:
// 1. (nodes) one node's kernel is stuck in `unregister_netdevice: waiting for eth0 to become free`
//    (node-problem-detector's FrequentUnregisterNetDevice): new pods there sit in ContainerCreating
//    (sandbox creation times out) and the pod scaled down there stays Terminating; an innocent
//    rollout of orders-api is what exposed it.
// 2. (nodes) one node hits the kernel's system-wide file table limit (fs.file-max): the ledger-api
//    pod there logs "too many open files in system" (ENFILE), because the host-scanner DaemonSet pod
//    on that node leaks descriptors; the other replicas are fine.
// 3. (scheduling) report-renderer's hand-written manifest pins pods with spec.nodeName (bypassing the
//    scheduler); revision 8 raised the CPU request to 1500m and the kubelet rejects every new pod
//    with OutOfcpu, the ReplicaSet recreating them in a loop.
// 4. (containers) revision 14 of pricing-engine replaced the init container that copied the engine
//    binary into an emptyDir with a native sidecar that re-copies it in place; the main container's
//    exec races the copy and fails with `text file busy` (StartError, exit 128).
// 5. (containers) revision 22 of fraud-scorer added LD_PRELOAD of libjemalloc; onnxruntime frees a
//    pointer through glibc (allocator mismatch) and the process aborts with "free(): invalid pointer", exit 134.
// 6. (storage) revision 3 of the search-index StatefulSet added fsGroup (fsGroupChangePolicy
//    defaults to Always); the recreated search-index-2 sits in ContainerCreating for half an hour
//    while the kubelet chowns ~19 million files of its volume.
// 7. (healthy) a node-exporter DaemonSet mid-rollout, half on revision 5, half on revision 4, all Ready.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, container, crashLoop, createdPod, daemonSetApp, deploymentApp, event,
  exposed, httpProbe, nameOf, node, nodeEvent, pulledFresh, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  service, endpointSliceFor, startedNormally, statefulSetApp, tcpProbe, waiting, ago, boundClaim, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Go's zap/logrus RFC 3339 without millis. */
const sec = (m: number): string => at(m).replace(/\.\d{3}Z$/, 'Z');

function nodeCondition(n: k8s.V1Node, c: { type: string; status: 'True' | 'False'; reason: string; message: string; since: number }): void {
  n.status?.conditions?.unshift({ type: c.type, status: c.status, reason: c.reason, message: c.message, lastHeartbeatTime: ago(0.4), lastTransitionTime: ago(c.since) });
}

function npdConditions(n: k8s.V1Node, netdevBad?: number): void {
  nodeCondition(n, { type: 'KernelDeadlock', status: 'False', reason: 'KernelHasNoDeadlock', message: 'kernel has no deadlock', since: 30 * DAYS });
  nodeCondition(n, { type: 'ReadonlyFilesystem', status: 'False', reason: 'FilesystemIsNotReadOnly', message: 'Filesystem is not read-only', since: 30 * DAYS });
  nodeCondition(n, netdevBad === undefined
    ? { type: 'FrequentUnregisterNetDevice', status: 'False', reason: 'NoFrequentUnregisterNetDevice', message: 'node is functioning properly', since: 30 * DAYS }
    : { type: 'FrequentUnregisterNetDevice', status: 'True', reason: 'UnregisterNetDevice', message: 'node is experiencing frequent unregister_netdevice', since: netdevBad });
}

// ---- 1. unregister_netdevice on one node --------------------------------------------------------

function unregisterNetdevice(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.9', ['31', '140', '77']);
  const [a, b, bad] = [names[0] ?? '', names[1] ?? '', names[2] ?? ''];
  nodes.forEach((n, i) => npdConditions(n, i === 2 ? 52 : undefined));
  const image = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const tpl = (v: string, pool: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '400m', memory: '512Mi',
      env: [{ name: 'DB_POOL_SIZE', value: pool }, { name: 'KAFKA_BROKERS', value: 'b-1.orders-msk.kafka.eu-west-1.amazonaws.com:9094' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns, name: 'orders-api', replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 7.3.0', template: tpl('7.3.0', '20') },
      { revision: 19, createdAgo: 38, changeCause: 'argocd: orders-api 7.3.0 (DB_POOL_SIZE 20 -> 30)', template: tpl('7.3.0', '30') },
    ],
    pods: [
      { revision: 19, node: a, createdAgo: 37.5 },
      { revision: 19, node: b, createdAgo: 37 },
      { revision: 19, node: a, createdAgo: 36 },
      { revision: 19, node: bad, createdAgo: 35, containers: { app: waiting('ContainerCreating') } },
      { revision: 18, node: b, createdAgo: 6 * DAYS },
      { revision: 18, node: bad, createdAgo: 6 * DAYS, deletingAgo: 36 },
    ],
  });
  const worker = deploymentApp({
    namespace: ns, name: 'orders-outbox-relay', replicas: 2,
    revisions: [{ revision: 4, createdAgo: 11 * DAYS, changeCause: 'argocd: orders-outbox-relay 1.9.2', template: { containers: [batchContainer({ name: 'relay', image: `${ECR}/orders/outbox-relay:1.9.2`, cpu: '100m', memory: '128Mi' })] } }],
    pods: [
      { revision: 4, node: a, createdAgo: 11 * DAYS },
      { revision: 4, node: bad, createdAgo: 24, containers: { relay: waiting('ContainerCreating') } },
    ],
  });
  const stuck = podOf(api, 3);
  const terminating = podOf(api, 5);
  const relayStuck = podOf(worker, 1);
  const sandbox = 'Failed to create pod sandbox: rpc error: code = DeadlineExceeded desc = context deadline exceeded';
  const svc = exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods });
  const events = [
    nodeEvent(bad, 'UnregisterNetDevice', 'unregister_netdevice: waiting for eth0 to become free. Usage count = 1', { type: 'Warning', count: 318, firstAgo: 53, lastAgo: 0.2, component: 'kernel-monitor' }),
    nodeEvent(bad, 'FrequentUnregisterNetDevice', 'Node condition FrequentUnregisterNetDevice is now: True, reason: UnregisterNetDevice, message: "node is experiencing frequent unregister_netdevice"', { type: 'Warning', firstAgo: 52, component: 'kernel-monitor' }),
    scaledReplicaSet(deploymentOf(api), rsOf(api, 19), 1, 0, 38),
    scaledReplicaSet(deploymentOf(api), rsOf(api, 18), 3, 4, 38),
    scaledReplicaSet(deploymentOf(api), rsOf(api, 19), 2, 1, 37.2),
    scaledReplicaSet(deploymentOf(api), rsOf(api, 18), 2, 3, 36.5),
    scaledReplicaSet(deploymentOf(api), rsOf(api, 19), 3, 2, 36.4),
    scaledReplicaSet(deploymentOf(api), rsOf(api, 19), 4, 3, 35.2),
    scheduled(stuck, 35),
    event({ on: stuck, reason: 'FailedCreatePodSandBox', message: sandbox, count: 9, firstAgo: 31, lastAgo: 0.8 }),
    event({ on: terminating, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 36, lastAgo: 36, fieldPath: 'spec.containers{app}' }),
    event({ on: terminating, reason: 'FailedKillPod', message: `error killing pod: failed to "KillPodSandbox" for "${terminating.metadata?.uid ?? ''}" with KillPodSandboxError: "rpc error: code = DeadlineExceeded desc = context deadline exceeded"`, count: 8, firstAgo: 33, lastAgo: 1.5 }),
    scheduled(relayStuck, 24),
    event({ on: relayStuck, reason: 'FailedCreatePodSandBox', message: sandbox, count: 6, firstAgo: 20, lastAgo: 1.1 }),
    ...startedNormally(podOf(api, 0), 'app', image('7.3.0'), 37.4),
    ...startedNormally(podOf(api, 1), 'app', image('7.3.0'), 36.9),
    ...startedNormally(podOf(api, 2), 'app', image('7.3.0'), 35.9),
  ];
  const ok = (p: k8s.V1Pod, since: number) => logsFor(p, 'app', { current: lines(
    `{"level":"info","ts":"${at(since)}","caller":"main.go:61","msg":"orders-api starting","version":"7.3.0","db_pool_size":30}`,
    `{"level":"info","ts":"${at(since - 0.1)}","caller":"server.go:40","msg":"listening","addr":":8080"}`,
    `{"level":"info","ts":"${at(2)}","caller":"middleware.go:58","msg":"request","method":"POST","path":"/v1/orders","status":201,"duration_ms":42}`,
    `{"level":"info","ts":"${at(0.6)}","caller":"middleware.go:58","msg":"request","method":"GET","path":"/v1/orders/ORD-7781245","status":200,"duration_ms":9}`,
  ) });
  return {
    id: 'heldout105-unregister-netdevice-node',
    class: 'nodes',
    truth: `Node ${bad}'s kernel is stuck in "unregister_netdevice: waiting for eth0 to become free" (leaked netdevice reference, reported by node-problem-detector since 52 minutes ago), so containerd cannot create or tear down pod network namespaces there: new pods on it stay ContainerCreating with sandbox timeouts and the old pod stays Terminating; the orders-api rollout only exposed it. Cordon and drain the node and replace/reboot it.`,
    ask: { service: 'orders-api', namespace: ns },
    objects: [...nodes, ...api.objects, ...worker.objects, ...svc, ...events],
    logs: [ok(podOf(api, 0), 37.3), ok(podOf(api, 1), 36.8), ok(podOf(api, 2), 35.8), ok(podOf(api, 4), 6 * DAYS - 0.2)],
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-9-77|10\.0\.9\.77/, /unregister_?netdevice|net ?dev(ice)?|kernel|network namespace/i],
      facts: [/ContainerCreating|sandbox/i, /Terminating|KillPodSandbox|FailedKillPod/i],
      never: [ADVISES_ROLLBACK, /(out of|exhaust\w*)[^\n]{0,20}\bIPs?\b|IP address(es)? exhaust/i],
    },
  };
}

// ---- 2. ENFILE on one node, leaked by a DaemonSet pod -------------------------------------------

function fileTableExhausted(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.44', ['21', '152', '203']);
  const [a, bad, c] = [names[0] ?? '', names[1] ?? '', names[2] ?? ''];
  const image = (v: string) => `${ECR}/payments/ledger-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '768Mi',
      env: [{ name: 'PG_DSN', value: 'postgres://ledger@ledger-db.cluster-cq81x.eu-west-1.rds.amazonaws.com:5432/ledger?sslmode=require' }],
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20, failureThreshold: 6 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: ledger-api 3.14.1', template: tpl('3.14.1') },
      { revision: 41, createdAgo: 3 * HOURS + 5, changeCause: 'argocd: ledger-api 3.14.2', template: tpl('3.14.2') },
    ],
    pods: [
      { revision: 41, node: a, createdAgo: 3 * HOURS + 4 },
      { revision: 41, node: bad, createdAgo: 3 * HOURS + 3, containers: { app: running({ sinceAgo: 3 * HOURS + 2.8, ready: false }) } },
      { revision: 41, node: c, createdAgo: 3 * HOURS + 2 },
    ],
    settled: { available: true, availableSince: 3 * HOURS, progressingSince: 3 * HOURS + 5, progressingUpdatedAgo: 3 * HOURS },
  });
  const scanImage = `${ECR}/security/host-scanner:2.8.0`;
  const scanner = daemonSetApp({
    namespace: 'security', name: 'host-scanner',
    revisions: [{ revision: 6, createdAgo: 9 * DAYS, template: {
      containers: [batchContainer({ name: 'scanner', image: scanImage, cpu: '50m', memory: '256Mi', volumeMounts: [{ name: 'host-root', mountPath: '/host', readOnly: true }], securityContext: { privileged: true } })],
      volumes: [{ name: 'host-root', hostPath: { path: '/', type: '' } }],
      tolerations: [{ operator: 'Exists' }],
    } }],
    pods: [
      { revision: 6, node: a, createdAgo: 9 * DAYS },
      { revision: 6, node: bad, createdAgo: 9 * DAYS },
      { revision: 6, node: c, createdAgo: 9 * DAYS },
    ],
  });
  const sick = podOf(api, 1);
  const ip = sick.status?.podIP ?? '';
  const svc = exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods });
  const events = [
    event({ on: sick, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 161, firstAgo: 47, lastAgo: 0.2, fieldPath: 'spec.containers{app}' }),
    event({ on: sick, reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ip}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 7, firstAgo: 44, lastAgo: 3 }),
  ];
  const sickLog: string[] = [
    `{"level":"info","ts":"${at(3 * HOURS + 2.7)}","caller":"cmd/ledger/main.go:54","msg":"ledger-api starting","version":"3.14.2"}`,
    `{"level":"info","ts":"${at(3 * HOURS + 2.6)}","caller":"http/server.go:31","msg":"listening","addr":":8080"}`,
  ];
  for (let i = 0; i < 12; i++) {
    const t = 46 - i * 3.8;
    sickLog.push(`2026/11/21 ${at(t).slice(11, 19)} http: Accept error: accept tcp [::]:8080: accept4: too many open files in system; retrying in 1s`);
    sickLog.push(`{"level":"error","ts":"${at(t - 0.05)}","caller":"store/pg.go:88","msg":"acquire connection","error":"failed to connect to \`host=ledger-db.cluster-cq81x.eu-west-1.rds.amazonaws.com user=ledger database=ledger\`: dial error (dial tcp 10.0.130.18:5432: socket: too many open files in system)"}`);
    if (i % 3 === 0) sickLog.push(`{"level":"warn","ts":"${at(t - 0.06)}","caller":"http/ready.go:22","msg":"readiness check failed","check":"postgres","error":"dial tcp 10.0.130.18:5432: socket: too many open files in system"}`);
    if (i % 4 === 1) sickLog.push(`{"level":"error","ts":"${at(t - 0.07)}","caller":"audit/writer.go:64","msg":"open audit spool","path":"/var/spool/ledger/audit-${i}.jsonl","error":"open /var/spool/ledger/audit-${i}.jsonl: too many open files in system"}`);
  }
  const okLog = (p: k8s.V1Pod) => logsFor(p, 'app', { current: lines(
    `{"level":"info","ts":"${at(3 * HOURS + 3)}","caller":"cmd/ledger/main.go:54","msg":"ledger-api starting","version":"3.14.2"}`,
    `{"level":"info","ts":"${at(1.2)}","caller":"http/middleware.go:40","msg":"request","method":"POST","path":"/v1/entries","status":201,"duration_ms":17}`,
    `{"level":"info","ts":"${at(0.3)}","caller":"http/middleware.go:40","msg":"request","method":"GET","path":"/v1/accounts/ACC-118220/balance","status":200,"duration_ms":6}`,
  ) });
  const scanLog = (fds: (i: number) => number, errors: boolean) => {
    const out: string[] = [`time="${sec(9 * HOURS + 60)}" level=info msg="host-scanner starting" version=2.8.0 host_root=/host fs_file_max=1048576 rlimit_nofile=1048576 interval=55m`];
    for (let i = 0; i < 10; i++) {
      const t = 9 * HOURS - i * 55;
      out.push(`time="${sec(t)}" level=info msg="scan cycle complete" containers=31 files_scanned=${48211 + i * 113} open_fds=${fds(i)} duration=41.${i}s`);
    }
    if (errors) {
      for (let i = 0; i < 5; i++) out.push(`time="${sec(50 - i * 10)}" level=error msg="scan failed" path=/host/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/${8812 + i}/fs/usr/lib error="open /host/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/${8812 + i}/fs/usr/lib: too many open files in system"`);
      out.push(`time="${sec(1)}" level=info msg="scan cycle complete" containers=31 files_scanned=2203 open_fds=981207 duration=12.9s`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout105-enfile-file-max-node',
    class: 'nodes',
    truth: `The host-scanner DaemonSet pod on ${bad} leaks file descriptors (open_fds grew to ~980,000) until the node's system-wide file table (fs.file-max = 1048576) is exhausted; every process there gets ENFILE "too many open files in system", so the ledger-api pod on that node cannot accept connections or dial Postgres and fails readiness. Restart or fix host-scanner on that node; the other replicas and the ledger-api release are fine.`,
    ask: { service: 'ledger-api', namespace: ns },
    objects: [...nodes, ...api.objects, ...scanner.objects, ...svc, ...events],
    logs: [
      logsFor(sick, 'app', { current: lines(...sickLog) }),
      okLog(podOf(api, 0)), okLog(podOf(api, 2)),
      logsFor(podOf(scanner, 0), 'scanner', { current: scanLog((i) => 870 + (i % 3) * 12, false) }),
      logsFor(podOf(scanner, 1), 'scanner', { current: scanLog((i) => 541_930 + i * 47_611, true) }),
      logsFor(podOf(scanner, 2), 'scanner', { current: scanLog((i) => 902 + (i % 2) * 9, false) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-44-152|10\.0\.44\.152/, /too many open files( in system)?|ENFILE|file-max|file (descriptor|handle|table)s?|\bfds?\b/i],
      facts: [/host-scanner/i, /too many open files in system|ENFILE|file-max/i],
      never: [ADVISES_ROLLBACK, /(raise|increase|bump)\w* (the )?(container'?s? |pod'?s? )?(ulimit|nofile|LimitNOFILE|RLIMIT)/i],
    },
  };
}

// ---- 3. nodeName pinned pods rejected with OutOfcpu --------------------------------------------

function pinnedNodeOutOfCpu(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.61', ['14', '118', '230']);
  const [pinned, b, c] = [names[0] ?? '', names[1] ?? '', names[2] ?? ''];
  const image = (v: string) => `${ECR}/analytics/report-renderer:${v}`;
  const tpl = (v: string, cpu: string) => ({
    containers: [container({ image: image(v), ports: [8080], cpu, memory: '1Gi', volumeMounts: [{ name: 'font-cache', mountPath: '/var/cache/renderer' }] })],
    volumes: [{ name: 'font-cache', hostPath: { path: '/mnt/nvme/renderer-cache', type: 'DirectoryOrCreate' } }],
  });
  const reject = 'Node didn\'t have enough resource: cpu, requested: 1500, used: 3250, capacity: 3920';
  const failed = Array.from({ length: 9 }, (_, i) => ({ revision: 8, node: pinned, createdAgo: 25 - i * 2.9, phase: 'Failed' as const, reason: 'OutOfcpu', message: `Pod was rejected: ${reject}` }));
  const app = deploymentApp({
    namespace: ns, name: 'report-renderer', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 7, createdAgo: 12 * DAYS, changeCause: 'kubectl apply -f report-renderer.yaml', template: tpl('2.9.4', '500m') },
      { revision: 8, createdAgo: 26, changeCause: 'kubectl apply -f report-renderer.yaml', template: tpl('2.10.0', '1500m') },
    ],
    pods: [
      { revision: 7, node: pinned, createdAgo: 12 * DAYS },
      { revision: 7, node: pinned, createdAgo: 12 * DAYS },
      { revision: 7, node: pinned, createdAgo: 12 * DAYS },
      ...failed,
    ],
  });
  // The hand-written manifest sets spec.nodeName: the scheduler never sees these pods.
  for (const o of app.objects) {
    const spec = o.kind === 'Deployment' || o.kind === 'ReplicaSet' ? (o as k8s.V1Deployment).spec?.template.spec : undefined;
    if (spec !== undefined) spec.nodeName = pinned;
  }
  for (const p of app.pods.slice(3)) {
    const st = p.status ?? {};
    p.status = { phase: 'Failed', reason: 'OutOfcpu', message: st.message ?? '', startTime: st.startTime ?? ago(1), qosClass: st.qosClass ?? 'Burstable', ...(st.hostIP === undefined ? {} : { hostIP: st.hostIP, hostIPs: st.hostIPs ?? [] }) };
  }
  const neighbour = (name: string, cpu: string, v: string) => deploymentApp({
    namespace: ns, name, replicas: 1,
    revisions: [{ revision: 3, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${ECR}/analytics/${name}:${v}`, cpu, memory: '2Gi' })] } }],
    pods: [{ revision: 3, node: pinned, createdAgo: 20 * DAYS }],
  });
  const etl = neighbour('clickstream-etl', '1250m', '5.1.0');
  const cube = neighbour('olap-cube-builder', '500m', '1.4.2');
  const other = bystander(ns, 'dashboards-api', [b, c], 90, { revisions: [11, 12], versions: ['6.0.3', '6.1.0'], olderAgo: 15 * DAYS });
  const svc = exposed({ namespace: ns, name: 'report-renderer', selector: { app: 'report-renderer' }, pods: app.pods });
  const rs8 = replicaSetOf(app, 8);
  const events = [
    scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 1, 0, 26),
    ...app.pods.slice(3).flatMap((p, i) => [
      createdPod(rs8, p, failed[i]?.createdAgo ?? 1),
      event({ on: p, reason: 'OutOfcpu', message: reject, firstAgo: (failed[i]?.createdAgo ?? 1) - 0.02 }),
    ]),
  ];
  return {
    id: 'heldout105-nodename-pinned-outofcpu',
    class: 'scheduling',
    truth: `report-renderer's hand-written manifest sets spec.nodeName to ${pinned}, so its pods bypass the scheduler; revision 8 raised the CPU request to 1500m, that node has only 670m left, and the kubelet rejects every new pod (Failed, OutOfcpu) while the ReplicaSet keeps recreating them. Remove nodeName (use a nodeSelector/affinity) or free CPU on the node.`,
    ask: { service: 'report-renderer', namespace: ns },
    objects: [...nodes, ...app.objects, ...etl.objects, ...cube.objects, ...other.objects, ...svc, ...events],
    logs: app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(
      `${pyTime(12 * DAYS - 0.2)} INFO renderer.app report-renderer 2.9.4 listening on 0.0.0.0:8080`,
      `${pyTime(3)} INFO renderer.jobs rendered report weekly-revenue-emea (42 pages) in 8.31s`,
      `${pyTime(0.8)} INFO renderer.jobs rendered report churn-cohorts (12 pages) in 2.07s`,
    ) })),
    expect: {
      verdict: 'problems',
      headline: [/OutOfcpu|(insufficient|not enough|out of) cpu|cpu[^\n]*(reject|capacity)/i, /nodeName|bypass\w*[^\n]*scheduler|pinned|without (the )?scheduler/i],
      facts: [/ip-10-0-61-14|10\.0\.61\.14/, /1500m|1\.5 ?(cpu|cores?)|requested: 1500/i, /revision 8|nodeName/i],
      never: [/FailedScheduling|Unschedulable/, /\bOOM/, /cluster.autoscaler[^\n]*(will|should) (add|scale)/i],
    },
  };
}

// ---- 4. text file busy: sidecar rewrites the binary the main container execs ---------------------

function textFileBusy(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.83', ['40', '96', '171']);
  const image = (v: string) => `${ECR}/pricing/pricing-engine-dist:${v}`;
  const runner = `${ECR}/platform/distroless-runner:2024.10`;
  const main = container({
    name: 'engine', image: runner, command: ['/opt/engine/bin/pricing-engine'], args: ['--config=/etc/pricing/engine.yaml'], ports: [8080], cpu: '1', memory: '1Gi',
    volumeMounts: [{ name: 'engine-bin', mountPath: '/opt/engine/bin' }],
  });
  const oldTpl = {
    initContainers: [batchContainer({ name: 'fetch-engine', image: image('9.4.1'), command: ['sh', '-c', 'cp /dist/pricing-engine /opt/engine/bin/pricing-engine && chmod 0755 /opt/engine/bin/pricing-engine'], cpu: '100m', memory: '64Mi', volumeMounts: [{ name: 'engine-bin', mountPath: '/opt/engine/bin' }] })],
    containers: [main],
    volumes: [{ name: 'engine-bin', emptyDir: {} }],
  };
  const newTpl = {
    initContainers: [batchContainer({
      name: 'engine-sync', image: image('9.5.0'), restartPolicy: 'Always',
      command: ['sh', '-c', 'while true; do cp /dist/pricing-engine /opt/engine/bin/pricing-engine && chmod 0755 /opt/engine/bin/pricing-engine && echo "synced pricing-engine $(cat /dist/VERSION) ($(du -m /dist/pricing-engine | cut -f1)M)"; sleep 2; done'],
      cpu: '100m', memory: '64Mi', volumeMounts: [{ name: 'engine-bin', mountPath: '/opt/engine/bin' }],
    })],
    containers: [main],
    volumes: [{ name: 'engine-bin', emptyDir: {} }],
  };
  const busy = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/opt/engine/bin/pricing-engine": text file busy: unknown';
  const startErr = { exitCode: 128, reason: 'StartError', message: busy, ranSeconds: 0 };
  const sidecarUp = (since: number) => ({ 'engine-sync': running({ sinceAgo: since }) });
  const app = deploymentApp({
    namespace: ns, name: 'pricing-engine', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(16 * DAYS), lastTransitionTime: ago(16 * DAYS) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "pricing-engine-z67xbznf58" has timed out progressing.', lastUpdateTime: ago(34), lastTransitionTime: ago(34) },
    ],
    revisions: [
      { revision: 13, createdAgo: 16 * DAYS, changeCause: 'argocd: pricing-engine 9.4.1', template: oldTpl },
      { revision: 14, createdAgo: 44, changeCause: 'argocd: pricing-engine 9.5.0 (engine-sync sidecar for hot rule updates)', template: newTpl },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 43, initContainers: sidecarUp(42.8), containers: { engine: crashLoop({ ...startErr, finishedAgo: 2.5 }, 9) } },
      { revision: 14, node: names[1] ?? '', createdAgo: 38, initContainers: sidecarUp(37.8), containers: { engine: running({ sinceAgo: 21, restarts: 4, last: { ...startErr, finishedAgo: 22 } }) } },
      { revision: 14, node: names[2] ?? '', createdAgo: 20, initContainers: sidecarUp(19.8), containers: { engine: crashLoop({ ...startErr, finishedAgo: 1.4 }, 6) } },
      { revision: 13, node: names[2] ?? '', createdAgo: 16 * DAYS },
    ],
  });
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const svc = exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods });
  const failedEv = (p: k8s.V1Pod, count: number, firstAgo: number, lastAgo: number) => event({ on: p, reason: 'Failed', message: `Error: ${busy}`, count, firstAgo, lastAgo, fieldPath: 'spec.containers{engine}' });
  const events = [
    scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 1, 0, 44),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 2, 3, 44),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 2, 1, 38.1),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 1, 2, 20.2),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 3, 2, 20.1),
    ...pulledFresh(p0, 'engine-sync', image('9.5.0'), { atAgo: 43, bytes: 151_220_114, seconds: 4.2, init: true }),
    failedEv(p0, 9, 42.6, 2.5), backOff(p0, 'engine', { count: 168, firstAgo: 42.5 }),
    ...restartedAgain(p0, 'engine', runner, { count: 10, firstAgo: 42.7, lastAgo: 2.5 }),
    scheduled(p1, 38), failedEv(p1, 4, 37.6, 22), backOff(p1, 'engine', { count: 21, firstAgo: 37.5, lastAgo: 21.5 }),
    scheduled(p2, 20), failedEv(p2, 6, 19.6, 1.4), backOff(p2, 'engine', { count: 74, firstAgo: 19.5 }),
  ];
  const syncLog = (from: number) => {
    const out: string[] = [];
    for (let t = from, i = 0; t > 0; t -= 0.05, i++) {
      out.push(i % 5 === 0 ? 'synced pricing-engine 9.5.0 (144M)' : 'cp: can\'t create \'/opt/engine/bin/pricing-engine\': Text file busy');
    }
    return lines(...out.slice(-40));
  };
  return {
    id: 'heldout105-text-file-busy-sidecar',
    class: 'containers',
    truth: 'Revision 14 of pricing-engine replaced the fetch-engine init container (which copied the engine binary into the shared emptyDir once, before the main container started) with the engine-sync native sidecar that re-copies it in place (plain cp, every 2 seconds); the engine container\'s exec races the copy and runc fails with "text file busy" (ETXTBSY, StartError exit 128). Copy to a temp file and rename atomically, or go back to the init container.',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [...nodes, ...app.objects, ...svc, ...events],
    logs: [
      logsFor(p0, 'engine-sync', { current: syncLog(42.8) }),
      logsFor(p2, 'engine-sync', { current: syncLog(19.8) }),
      logsFor(p1, 'engine', { current: lines(
        `{"time":"${at(21)}","level":"INFO","msg":"pricing-engine 9.5.0 starting","rules":"/etc/pricing/rules","workers":8}`,
        `{"time":"${at(20.9)}","level":"INFO","msg":"http server listening","addr":":8080"}`,
        `{"time":"${at(0.7)}","level":"INFO","msg":"quote","sku_count":14,"duration_ms":23}`,
      ) }),
      logsFor(podOf(app, 3), 'engine', { current: lines(`{"time":"${at(2)}","level":"INFO","msg":"quote","sku_count":3,"duration_ms":11}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/text file busy|ETXTBSY/i, /engine-sync|sidecar|emptyDir|(copy|copie|cp |overwrit|rewrit|writ)\w*|revision 14/i],
      facts: [/revision 14|rev(ision)? ?14/i, /engine-sync/i],
      never: [/exec format|architecture|arm64/i, /permission denied|chmod|noexec/i],
    },
  };
}

// ---- 5. LD_PRELOAD jemalloc: free(): invalid pointer, exit 134 -----------------------------------

function jemallocPreloadAbort(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeEksNodes('10.0.27', ['33', '109', '214']);
  const image = `${ECR}/risk/fraud-scorer:5.3.2`;
  const baseEnv: k8s.V1EnvVar[] = [
    { name: 'MODEL_PATH', value: '/app/models/fraud-gbm-v9.onnx' },
    { name: 'REDIS_URL', value: 'redis://features.risk.svc.cluster.local:6379/0' },
    { name: 'PYTHONFAULTHANDLER', value: '1' },
  ];
  const tpl = (env: k8s.V1EnvVar[]) => ({
    containers: [container({ image, command: ['python', '-m', 'scorer.main'], ports: [8080], cpu: '1', memory: '2Gi', env })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'fraud-scorer', replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 21, createdAgo: 9 * DAYS, changeCause: 'argocd: fraud-scorer 5.3.2', template: tpl(baseEnv) },
      { revision: 22, createdAgo: 47, changeCause: 'argocd: fraud-scorer 5.3.2 (values: memory tuning)', template: tpl([...baseEnv, { name: 'LD_PRELOAD', value: '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2' }, { name: 'MALLOC_CONF', value: 'background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0' }]) },
    ],
    pods: [
      { revision: 22, node: names[0] ?? '', createdAgo: 46.5, containers: { app: crashLoop({ exitCode: 134, finishedAgo: 2.2, ranSeconds: 6 }, 13) } },
      { revision: 22, node: names[1] ?? '', createdAgo: 46.4, containers: { app: crashLoop({ exitCode: 134, finishedAgo: 0.9, ranSeconds: 6 }, 13) } },
      { revision: 21, node: names[1] ?? '', createdAgo: 9 * DAYS },
      { revision: 21, node: names[2] ?? '', createdAgo: 9 * DAYS },
      { revision: 21, node: names[0] ?? '', createdAgo: 9 * DAYS },
    ],
  });
  const [c0, c1] = [podOf(app, 0), podOf(app, 1)];
  const svc = exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods });
  const events = [
    scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 1, 0, 47),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 21), 3, 4, 47),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 2, 1, 47),
    ...[c0, c1].flatMap((p) => [
      scheduled(p, 46.5),
      ...restartedAgain(p, 'app', image, { count: 14, firstAgo: 46.3, lastAgo: 2.3 }),
      backOff(p, 'app', { count: 201, firstAgo: 45.9 }),
    ]),
  ];
  const crash = (t: number) => lines(
    `${pyTime(t)} INFO [scorer.main] fraud-scorer 5.3.2 starting (python 3.11.10, pid 1)`,
    `${pyTime(t - 0.01)} INFO [scorer.features] connected to redis features.risk.svc.cluster.local:6379/0`,
    `${pyTime(t - 0.05)} INFO [scorer.model] loading model /app/models/fraud-gbm-v9.onnx (onnxruntime 1.19.2)`,
    'free(): invalid pointer',
    'Fatal Python error: Aborted',
    '',
    'Current thread 0x00007f3ca1d4b740 (most recent call first):',
    '  File "/usr/local/lib/python3.11/site-packages/onnxruntime/capi/onnxruntime_inference_collection.py", line 480 in _create_inference_session',
    '  File "/usr/local/lib/python3.11/site-packages/onnxruntime/capi/onnxruntime_inference_collection.py", line 419 in __init__',
    '  File "/app/scorer/model.py", line 58 in load',
    '  File "/app/scorer/main.py", line 41 in main',
    '  File "<frozen runpy>", line 88 in _run_code',
    '  File "<frozen runpy>", line 198 in _run_module_as_main',
    '',
    'Extension modules: numpy.core._multiarray_umath, numpy.core._multiarray_tests, numpy.linalg._umath_linalg, numpy.fft._pocketfft_internal, numpy.random._common, numpy.random.bit_generator, numpy.random._mt19937, numpy.random.mtrand, hiredis.hiredis, onnxruntime.capi.onnxruntime_pybind11_state (total: 10)',
  );
  const ok = (p: k8s.V1Pod) => logsFor(p, 'app', { current: lines(
    `${pyTime(5)} INFO [scorer.api] POST /v1/score 200 txn=tx_9Fq2m1 score=0.031 12.4ms`,
    `${pyTime(0.5)} INFO [scorer.api] POST /v1/score 200 txn=tx_9Fq7Lk score=0.412 14.1ms`,
  ) });
  return {
    id: 'heldout105-ld-preload-jemalloc-abort',
    class: 'containers',
    truth: 'Revision 22 of fraud-scorer added LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2 (same image); memory allocated by one allocator is freed by the other (allocator mismatch while onnxruntime creates its session), glibc aborts with "free(): invalid pointer" (SIGABRT, exit 134) while the model loads, and the new pods crash-loop. Remove the LD_PRELOAD (roll back to revision 21); not a memory limit problem.',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects: [...nodes, ...app.objects, ...svc, ...events],
    logs: [logsFor(c0, 'app', { previous: crash(2.3) }), logsFor(c1, 'app', { previous: crash(1.0) }), ok(podOf(app, 2)), ok(podOf(app, 3))],
    expect: {
      verdict: 'problems',
      headline: [/LD_PRELOAD|jemalloc|allocator/i, /revision 22|rev(ision)? ?#?22\b/i],
      facts: [/\b134\b|SIGABRT|abort/i, /free\(\): invalid pointer|invalid pointer/i],
      never: [/\bOOM/, /(raise|increase|bump)\w* (the )?memory (limit|request)/i],
    },
  };
}

// ---- 6. fsGroup recursive chown of a huge volume ----------------------------------------------

function fsGroupChownStall(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.115', ['12', '87', '199']);
  for (const n of nodes) if (n.status?.nodeInfo) { n.status.nodeInfo.kubeletVersion = 'v1.33.5-eks-ba74326'; n.status.nodeInfo.kubeProxyVersion = 'v1.33.5-eks-ba74326'; }
  const image = 'docker.io/opensearchproject/opensearch:2.17.1';
  const mk = (sc?: k8s.V1PodSecurityContext) => ({
    containers: [container({
      name: 'opensearch', image, cpu: '2', memory: '8Gi',
      ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
      env: [{ name: 'OPENSEARCH_JAVA_OPTS', value: '-Xms4g -Xmx4g' }, { name: 'cluster.name', value: 'catalog-search' }, { name: 'discovery.seed_hosts', value: 'search-index-headless' }],
      readiness: tcpProbe('http', { periodSeconds: 10 }), liveness: tcpProbe('transport', { initialDelaySeconds: 90, periodSeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/usr/share/opensearch/data' }],
    })],
    ...(sc === undefined ? {} : { securityContext: sc }),
    terminationGracePeriodSeconds: 120,
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const sts = statefulSetApp({
    namespace: ns, name: 'search-index', replicas: 3, podManagementPolicy: 'Parallel', serviceName: 'search-index-headless',
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    revisions: [
      { revision: 2, createdAgo: 140 * DAYS, template: mk() },
      { revision: 3, createdAgo: 36, template: mk({ runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, runAsNonRoot: true }) },
    ],
    pods: [
      { revision: 2, ordinal: 0, node: names[0] ?? '', createdAgo: 61 * DAYS },
      { revision: 2, ordinal: 1, node: names[1] ?? '', createdAgo: 61 * DAYS },
      { revision: 3, ordinal: 2, node: names[2] ?? '', createdAgo: 34, containers: { opensearch: waiting('ContainerCreating') } },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-search-index-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 140 * DAYS, labels: { app: 'search-index' } }));
  const stuck = podOf(sts, 2);
  const volume = nameOf(claims[5]);
  const mount = `/var/lib/kubelet/pods/${stuck.metadata?.uid ?? ''}/volumes/kubernetes.io~csi/${volume}/mount`;
  const svcs = [
    ...exposed({ namespace: ns, name: 'search-index', selector: { app: 'search-index' }, pods: sts.pods, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], endpointPort: 9200 }),
    ...exposed({ namespace: ns, name: 'search-index-headless', selector: { app: 'search-index' }, pods: sts.pods, headless: true, ports: [{ name: 'transport', port: 9300, targetPort: 'transport' }], endpointPort: 9300 }),
  ];
  const progress = [2_210_518, 4_388_905, 6_520_114, 8_731_640, 10_902_277, 13_048_861, 15_199_403, 17_340_126, 19_470_552];
  const events = [
    event({ on: { kind: 'StatefulSet', name: 'search-index', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod search-index-2 in StatefulSet search-index successful', firstAgo: 35.5, component: 'statefulset-controller' }),
    event({ on: { kind: 'StatefulSet', name: 'search-index', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod search-index-2 in StatefulSet search-index successful', firstAgo: 34, component: 'statefulset-controller' }),
    scheduled(stuck, 34),
    event({ on: stuck, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volume}" `, firstAgo: 33.5, component: 'attachdetach-controller' }),
    event({ on: stuck, reason: 'VolumePermissionChangeInProgress', message: `Setting volume ownership for ${mount} is taking longer than expected, consider using OnRootMismatch - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#configure-volume-permission-and-ownership-change-policy-for-pods`, firstAgo: 31 }),
    ...progress.map((n, i) => event({ on: stuck, reason: 'VolumePermissionChangeInProgress', message: `Setting volume ownership for ${mount}, processed ${n} files.`, firstAgo: 30 - i * 3.5 })),
    event({ on: stuck, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 15, firstAgo: 31.8, lastAgo: 1.8 }),
  ];
  const osTime = (m: number) => at(m).replace('Z', '').replace('.', ',');
  return {
    id: 'heldout105-fsgroup-recursive-chown',
    class: 'storage',
    truth: 'Revision 3 of the search-index StatefulSet added a pod securityContext with fsGroup 1000 and no fsGroupChangePolicy (default Always), so when search-index-2 was recreated the kubelet started recursively chowning its 500Gi volume (~19 million files); the pod has sat in ContainerCreating for 34 minutes (VolumePermissionChangeInProgress, FailedMount timeouts) and the cluster is yellow. Set fsGroupChangePolicy: OnRootMismatch (or let it finish) before the rollout continues.',
    ask: { service: 'search-index', namespace: ns },
    objects: [...nodes, ...sts.objects, ...claims, ...svcs, ...events],
    logs: [0, 1].map((i) => logsFor(podOf(sts, i), 'opensearch', { current: lines(
      `[${osTime(35.4)}][INFO ][o.o.c.s.ClusterApplierService] [search-index-${i}] removed {{search-index-2}{Qx3v1fN8T0WcF2m8uKkP6A}{10.0.115.211}{10.0.115.211:9300}{dimr}}, term: 41, version: 88213, reason: ApplyCommitRequest{term=41, version=88213, sourceNode={search-index-0}}`,
      ...(i === 0 ? [
        `[${osTime(35.3)}][INFO ][o.o.c.r.a.AllocationService] [search-index-0] Cluster health status changed from [GREEN] to [YELLOW] (reason: [{search-index-2}{Qx3v1fN8T0WcF2m8uKkP6A} reason: disconnected]).`,
        `[${osTime(34)}][INFO ][o.o.c.r.DelayedAllocationService] [search-index-0] scheduling reroute for delayed shards in [59.8s] (27 delayed shards)`,
      ] : []),
    ) })),
    expect: {
      verdict: 'problems',
      headline: [/fsGroup|volume ownership|ownership|recursive(ly)? ch(own|mod|grp)|permission change|OnRootMismatch/i],
      facts: [/search-index-2/, /OnRootMismatch|fsGroupChangePolicy/i, /revision 3|fsGroup/i],
      never: [/Multi-Attach/i, /(volume|disk) (is )?full|no space left/i],
    },
  };
}

// ---- 7. healthy: node-exporter DaemonSet mid-rollout -----------------------------------------------

function daemonSetMidRollout(): CorpusScenario {
  const ns = 'monitoring';
  const names = ['10.0.5.14', '10.0.5.88', '10.0.6.21', '10.0.6.140', '10.0.7.33', '10.0.7.201'].map(eksNodeName);
  const zones = ['eu-west-1a', 'eu-west-1a', 'eu-west-1b', 'eu-west-1b', 'eu-west-1c', 'eu-west-1c'];
  const nodes = names.map((n, i) => node({ name: n, zone: zones[i] ?? 'eu-west-1a' }));
  const image = (v: string) => `quay.io/prometheus/node-exporter:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'node-exporter', image: image(v), args: ['--path.rootfs=/host/root', '--collector.filesystem.mount-points-exclude=^/(dev|proc|sys|var/lib/docker/.+|var/lib/kubelet/.+)($|/)'],
      ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '50m', memory: '64Mi',
      readiness: httpProbe('/', 9100), liveness: httpProbe('/', 9100, { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'root', mountPath: '/host/root', readOnly: true }],
      securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    })],
    volumes: [{ name: 'root', hostPath: { path: '/', type: '' } }],
    tolerations: [{ operator: 'Exists' }],
    securityContext: { runAsUser: 65534, runAsGroup: 65534, runAsNonRoot: true, fsGroup: 65534 },
  });
  const ds = daemonSetApp({
    namespace: ns, name: 'node-exporter', pinnedToNodes: true,
    revisions: [{ revision: 4, createdAgo: 34 * DAYS, template: tpl('v1.8.1') }, { revision: 5, createdAgo: 12, template: tpl('v1.8.2') }],
    pods: [
      { revision: 5, node: names[0] ?? '', createdAgo: 11.5 },
      { revision: 5, node: names[1] ?? '', createdAgo: 8 },
      { revision: 5, node: names[2] ?? '', createdAgo: 4.5 },
      { revision: 4, node: names[3] ?? '', createdAgo: 34 * DAYS },
      { revision: 4, node: names[4] ?? '', createdAgo: 34 * DAYS },
      { revision: 4, node: names[5] ?? '', createdAgo: 34 * DAYS },
    ],
  });
  const svcs = exposed({ namespace: ns, name: 'node-exporter', selector: { app: 'node-exporter' }, pods: ds.pods, headless: true, ports: [{ name: 'metrics', port: 9100, targetPort: 'metrics' }], endpointPort: 9100 });
  const dsRef = { kind: 'DaemonSet', name: 'node-exporter', namespace: ns };
  const oldNames = ['node-exporter-7xk2q', 'node-exporter-m4c8z', 'node-exporter-t9v5w'];
  const events = [
    ...[0, 1, 2].flatMap((i) => {
      const p = podOf(ds, i);
      const t = [11.5, 8, 4.5][i] ?? 1;
      return [
        event({ on: dsRef, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${oldNames[i] ?? ''}`, firstAgo: t + 0.6, component: 'daemonset-controller' }),
        event({ on: dsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: t, component: 'daemonset-controller' }),
        ...pulledFresh(p, 'node-exporter', image('v1.8.2'), { atAgo: t, bytes: 11_842_101, seconds: 1.1 }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container node-exporter', firstAgo: t - 0.05, fieldPath: 'spec.containers{node-exporter}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container node-exporter', firstAgo: t - 0.05, fieldPath: 'spec.containers{node-exporter}' }),
      ];
    }),
  ];
  const ne = (v: string, t: number) => lines(
    `ts=${at(t)} caller=node_exporter.go:193 level=info msg="Starting node_exporter" version="(version=${v.slice(1)}, branch=HEAD, revision=f1e0e8360aa60b6cb5e5cc1560bed348fc2c1895)"`,
    `ts=${at(t)} caller=node_exporter.go:111 level=info msg="Enabled collectors"`,
    `ts=${at(t - 0.01)} caller=tls_config.go:313 level=info msg="Listening on" address=[::]:9100`,
    `ts=${at(t - 0.01)} caller=tls_config.go:316 level=info msg="TLS is disabled." http2=false address=[::]:9100`,
  );
  return {
    id: 'heldout105-daemonset-mid-rollout',
    class: 'healthy',
    truth: 'The node-exporter DaemonSet is rolling out revision 5 (v1.8.2) one node at a time (maxUnavailable 1): three pods already run the new revision and three still run revision 4, all six Ready; nothing is wrong, the rollout is progressing normally.',
    ask: { service: 'node-exporter', namespace: ns },
    objects: [...nodes, ...ds.objects, ...svcs, ...events],
    logs: [
      logsFor(podOf(ds, 0), 'node-exporter', { current: ne('v1.8.2', 11.4) }),
      logsFor(podOf(ds, 2), 'node-exporter', { current: ne('v1.8.2', 4.4) }),
      logsFor(podOf(ds, 3), 'node-exporter', { current: ne('v1.8.1', 34 * DAYS - 0.2) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|nothing (is )?wrong|all[^\n]*ready|progressing|rolling/i],
      facts: [/node-exporter/i],
      never: [/CrashLoop|stuck|stalled|ProgressDeadlineExceeded/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  unregisterNetdevice(),
  fileTableExhausted(),
  pinnedNodeOutOfCpu(),
  textFileBusy(),
  jemallocPreloadAbort(),
  fsGroupChownStall(),
  daemonSetMidRollout(),
];
