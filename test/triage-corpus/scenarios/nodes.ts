// Corpus stories: nodes. The workload is fine; a node under some of its pods is not: gone
// silent, out of disk or memory, of the wrong CPU architecture, out of pod IPs.
import { createHash } from 'node:crypto';
import type * as k8s from '@kubernetes/client-node';
import {
  BLAMES_ROLLOUT, DAYS, ECR, HOURS, ago, backOff, boundClaim, container, crashLoop, createdPod, daemonSetApp, deploymentApp, event, exposed,
  hpa, httpProbe, kubeletEviction, nameOf, node, nodeEvent, replicaSetOf, running, scheduled, startedNormally, statefulSetApp, terminated,
  waiting,
} from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

/**
 * A pod on a silent node: the node controller set Ready=False (the container statuses stay as
 * the kubelet last reported them); `evictedAgo`: the taint eviction controller deleted it.
 */
function strandedPod(p: k8s.V1Pod, notReadyAgo: number, evictedAgo?: number): k8s.V1Pod {
  for (const c of p.status?.conditions ?? []) {
    if (c.type === 'Ready') {
      c.status = 'False';
      c.lastTransitionTime = ago(notReadyAgo);
      delete c.reason;
      delete c.message;
    }
  }
  if (evictedAgo !== undefined) {
    p.status?.conditions?.push({ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: ago(evictedAgo) });
  }
  return p;
}

// ---- 7. a node goes silent ----------------------------------------------------------------

/**
 * ip-10-0-71-88 stopped posting status 9 minutes ago (the instance hung). The node controller
 * marked its two payments-api pods not ready, then the taint eviction controller deleted them
 * after 5 minutes; they stay Terminating because no kubelet confirms. Replacements run elsewhere.
 */
function nodeNotReadyKubeletSilent(): CorpusScenario {
  const ns = 'payments';
  const dead = 'ip-10-0-71-88.eu-west-1.compute.internal';
  const nodes = [
    node({ name: dead, zone: 'eu-west-1a', ready: 'Unknown', readySince: 9, instanceType: 'm6i.2xlarge' }),
    node({ name: 'ip-10-0-71-140.eu-west-1.compute.internal', zone: 'eu-west-1a', instanceType: 'm6i.2xlarge' }),
    node({ name: 'ip-10-0-72-23.eu-west-1.compute.internal', zone: 'eu-west-1b', instanceType: 'm6i.2xlarge' }),
    node({ name: 'ip-10-0-73-201.eu-west-1.compute.internal', zone: 'eu-west-1c', instanceType: 'm6i.2xlarge' }),
  ];
  const [, a2, b, c] = nodes.map(nameOf);
  const image = `${ECR}/payments/payments-api:7.4.1`;
  const tpl = { containers: [container({ image, cpu: '1', memory: '2Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'payments-api',
    replicas: 6,
    revisions: [
      { revision: 27, createdAgo: 10 * DAYS, template: { containers: [container({ image: `${ECR}/payments/payments-api:7.4.0`, cpu: '1', memory: '2Gi' })] } },
      { revision: 28, createdAgo: 3 * DAYS, template: tpl },
    ],
    pods: [
      { revision: 28, node: dead, createdAgo: 3 * DAYS, ready: false, deletingAgo: 4 },
      { revision: 28, node: dead, createdAgo: 3 * DAYS, ready: false, deletingAgo: 4 },
      { revision: 28, node: a2, createdAgo: 3 * DAYS },
      { revision: 28, node: b, createdAgo: 3 * DAYS, containers: { app: running({ sinceAgo: 31 * HOURS, restarts: 1, last: { exitCode: 143, finishedAgo: 31 * HOURS, ranSeconds: 40 * 3600 } }) } },
      { revision: 28, node: c, createdAgo: 3 * DAYS },
      { revision: 28, node: b, createdAgo: 4, containers: { app: running({ sinceAgo: 3.9 }) } },
      { revision: 28, node: c, createdAgo: 4, containers: { app: running({ sinceAgo: 3.9 }) } },
    ],
  });
  const [s1, s2] = app.pods;
  if (s1 === undefined || s2 === undefined) throw new Error('payments-api: pods');
  strandedPod(s1, 8.8, 4);
  strandedPod(s2, 8.8, 4);
  const rs = replicaSetOf(app, 28);
  const replacements = app.pods.slice(5);
  return {
    id: 'nodes-node-notready-kubelet-stopped-posting',
    class: 'nodes',
    truth: 'Node ip-10-0-71-88 went NotReady 9 minutes ago (Kubelet stopped posting node status); its 2 payments-api pods were marked not ready, then deleted by the taint eviction controller and are stuck Terminating; replacements run on other nodes.',
    ask: { service: 'payments-api' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'payments-api', selector: { app: 'payments-api' }, pods: app.pods }),
      nodeEvent(dead, 'NodeNotReady', `Node ${dead} status is now: NodeNotReady`, { firstAgo: 9, component: 'node-controller' }),
      ...[s1, s2].flatMap((p) => [
        event({ on: p, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 8.8, lastAgo: 8.8, component: 'node-controller' }),
        event({ on: p, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${nameOf(p)}`, firstAgo: 4, lastAgo: 4, component: 'taint-eviction-controller' }),
      ]),
      ...replacements.flatMap((p) => [createdPod(rs, p, 4), ...startedNormally(p, 'app', image, 4)]),
    ],
    logs: [
      {
        namespace: ns,
        pod: nameOf(app.pods[3] ?? {}),
        container: 'app',
        current: '2026-11-21T03:13:57.004Z  INFO 1 --- [nio-8080-exec-9] c.e.payments.api.ChargeController : POST /v1/charges 201 (92 ms)\n',
        previous: '2026-11-19T20:14:02.551Z  INFO 1 --- [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown : Commencing graceful shutdown. Waiting for active requests to complete\n2026-11-19T20:14:02.903Z  INFO 1 --- [tomcat-shutdown] o.s.b.w.e.tomcat.GracefulShutdown : Graceful shutdown complete\n',
      },
      ...replacements.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: '2026-11-21T03:10:31.902Z  INFO 1 --- [main] c.e.payments.PaymentsApplication : Started PaymentsApplication in 38.114 seconds (process running for 39.2)\n2026-11-21T03:13:55.310Z  INFO 1 --- [nio-8080-exec-4] c.e.payments.api.ChargeController : POST /v1/charges 201 (87 ms)\n' })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-71-88/, /NotReady|not ready|Unknown|stopped posting|unreachable|down/i],
      facts: [/stopped posting node status/i, /Terminating|marked for deletion|deleted|evict/i, /\b6\/6\b|6 (of 6|ready)/i],
      never: [/\bOOM/, BLAMES_ROLLOUT, /CrashLoopBackOff|crash-?loop/i],
    },
  };
}

// ---- 8. a StatefulSet pod stuck Terminating ------------------------------------------------

/**
 * ip-10-0-83-52 has been unreachable for 21 minutes. kafka-2 was deleted by the taint eviction
 * controller 15 minutes ago but stays Terminating: no kubelet confirms, and the StatefulSet
 * controller will not create a new kafka-2 while the old one exists. Brokers 0 and 1 carry on
 * with shrunken ISRs.
 */
function statefulSetPodStuckTerminating(): CorpusScenario {
  const ns = 'streaming';
  const dead = 'ip-10-0-83-52.eu-west-1.compute.internal';
  const nodes = [
    node({ name: 'ip-10-0-81-17.eu-west-1.compute.internal', zone: 'eu-west-1a', pool: 'kafka', instanceType: 'r6i.2xlarge' }),
    node({ name: 'ip-10-0-82-140.eu-west-1.compute.internal', zone: 'eu-west-1b', pool: 'kafka', instanceType: 'r6i.2xlarge' }),
    node({ name: dead, zone: 'eu-west-1c', pool: 'kafka', instanceType: 'r6i.2xlarge', ready: 'Unknown', readySince: 21 }),
    node({ name: 'ip-10-0-83-199.eu-west-1.compute.internal', zone: 'eu-west-1c', pool: 'kafka', instanceType: 'r6i.2xlarge' }),
  ];
  const [a, b] = nodes.map(nameOf);
  const tpl = {
    containers: [
      container({
        name: 'kafka',
        image: `${ECR}/platform/kafka:3.8.1`,
        ports: [{ name: 'client', containerPort: 9092 }, { name: 'internal', containerPort: 9094 }, { name: 'controller', containerPort: 9093 }],
        cpu: '2',
        memory: '12Gi',
        readiness: { tcpSocket: { port: 9092 }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 6 },
        liveness: { tcpSocket: { port: 'controller' }, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka' }],
      }),
    ],
    terminationGracePeriodSeconds: 120,
  };
  const app = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    serviceName: 'kafka-headless',
    revisions: [{ revision: 9, createdAgo: 27 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 9, ordinal: 0, node: a, createdAgo: 27 * DAYS },
      { revision: 9, ordinal: 1, node: b, createdAgo: 27 * DAYS },
      { revision: 9, ordinal: 2, node: dead, createdAgo: 12 * DAYS, ready: false, deletingAgo: 15.3 },
    ],
  });
  const [k0, , k2] = app.pods;
  if (k0 === undefined || k2 === undefined) throw new Error('kafka: pods');
  strandedPod(k2, 20.8, 15.3);
  const volumes = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'].flatMap((zone, i) => boundClaim({ namespace: ns, name: `data-kafka-${i}`, storage: '500Gi', storageClass: 'gp3', zone, createdAgo: 27 * DAYS, labels: { app: 'kafka' } }));
  const brokerLog = [
    '[2026-11-21 03:13:12,448] INFO [ReplicaFetcher replicaId=0, leaderId=2, fetcherId=0] Error sending fetch request (sessionId=1933712051, epoch=INITIAL) to node 2: (org.apache.kafka.clients.FetchSessionHandler)',
    'java.net.SocketTimeoutException: Failed to connect within 30000 ms',
    '[2026-11-21 03:13:40,102] INFO [Partition orders-7 broker=0] Shrinking ISR from 0,2,1 to 0,1. Leader: (highWatermark: 88412077, endOffset: 88412301). Out of sync replicas: (brokerId: 2, endOffset: 88398810, lastCaughtUpTimeMs: 1795144431102). (kafka.cluster.Partition)',
    '[2026-11-21 03:13:58,771] WARN [RaftManager id=0] Connection to node 2 (kafka-2.kafka-headless.streaming.svc.cluster.local/10.0.83.61:9093) could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)',
  ].join('\n') + '\n';
  return {
    id: 'nodes-statefulset-pod-stuck-terminating-on-dead-node',
    class: 'nodes',
    truth: 'Node ip-10-0-83-52 has been NotReady (unreachable) for 21 minutes; kafka-2 was marked for deletion 15 minutes ago and is stuck Terminating on it, and the StatefulSet will not recreate kafka-2 until the old pod is gone (force delete or remove the node). 2/3 brokers run.',
    ask: { service: 'kafka', namespace: 'streaming' },
    objects: [
      ...nodes,
      ...app.objects,
      ...volumes,
      ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, pods: app.pods, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], endpointPort: 9092 }),
      ...exposed({ namespace: ns, name: 'kafka-headless', headless: true, selector: { app: 'kafka' }, pods: app.pods, ports: [{ name: 'internal', port: 9094, targetPort: 9094 }], endpointPort: 9094 }),
      nodeEvent(dead, 'NodeNotReady', `Node ${dead} status is now: NodeNotReady`, { firstAgo: 21, component: 'node-controller' }),
      event({ on: k2, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 20.8, lastAgo: 20.8, component: 'node-controller' }),
      event({ on: k2, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/kafka-2`, firstAgo: 15.3, lastAgo: 15.3, component: 'taint-eviction-controller' }),
    ],
    logs: [{ namespace: ns, pod: nameOf(k0), container: 'kafka', current: brokerLog }],
    expect: {
      verdict: 'problems',
      headline: [/kafka-2/, /ip-10-0-83-52/, /Terminating|NotReady|not ready|unreachable|deletion|deleted/i],
      facts: [/stopped posting node status|NotReady|unreachable/i, /2\/3/, /force|--grace-period=0|until[^\n]*(gone|deleted|removed)|(won't|will not|does not|doesn't|cannot)[^\n]*(replace|recreate)/i],
      never: [/\bOOM/, BLAMES_ROLLOUT, /CrashLoopBackOff|crash-?loop/i],
    },
  };
}

// ---- 9. DiskPressure evicts the biggest ephemeral-storage user -----------------------------

/**
 * pdf-renderer writes its intermediate rasters to /tmp in the container's writable layer, with
 * no ephemeral-storage request. ip-10-0-92-140's root volume crossed the nodefs threshold 34
 * minutes ago; image GC cannot free enough, and the kubelet evicted three renderer pods in turn.
 */
function diskPressureEvictions(): CorpusScenario {
  const ns = 'docs';
  const full = 'ip-10-0-92-140.eu-west-1.compute.internal';
  const nodes = [
    node({ name: 'ip-10-0-91-33.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: full, zone: 'eu-west-1b', pressure: { disk: 34 }, taints: [{ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule', timeAdded: ago(34) }] }),
    node({ name: 'ip-10-0-92-18.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
    node({ name: 'ip-10-0-93-210.eu-west-1.compute.internal', zone: 'eu-west-1c' }),
  ];
  const [a, , b2, c] = nodes.map(nameOf);
  const image = `${ECR}/docs/pdf-renderer:12.3.0`;
  const tpl = { containers: [container({ name: 'renderer', image, cpu: '1', memory: '3Gi', env: [{ name: 'TMPDIR', value: '/tmp' }, { name: 'RENDER_DPI', value: '300' }] })] };
  const evictions = [
    { at: 33, available: '7341056Ki', using: '23517184Ki' },
    { at: 24, available: '7903212Ki', using: '19822408Ki' },
    { at: 12, available: '8102344Ki', using: '17380112Ki' },
  ];
  const message = (e: (typeof evictions)[number]) => `The node was low on resource: ephemeral-storage. Threshold quantity: 8588674252, available: ${e.available}. Container renderer was using ${e.using}, request is 0, has larger consumption of ephemeral-storage. `;
  const app = deploymentApp({
    namespace: ns,
    name: 'pdf-renderer',
    replicas: 5,
    revisions: [
      { revision: 8, createdAgo: 19 * DAYS, template: { containers: [container({ name: 'renderer', image: `${ECR}/docs/pdf-renderer:12.2.4`, cpu: '1', memory: '3Gi' })] } },
      { revision: 9, createdAgo: 6 * DAYS, template: tpl },
    ],
    pods: [
      ...evictions.map((e) => ({
        revision: 9,
        node: full,
        createdAgo: 6 * DAYS,
        ...kubeletEviction(message(e), e.at),
        containers: { renderer: terminated({ exitCode: 137, reason: 'Error', finishedAgo: e.at - 0.1, ranSeconds: 6 * 24 * 3600 }) },
      })),
      { revision: 9, node: a, createdAgo: 6 * DAYS },
      { revision: 9, node: c, createdAgo: 6 * DAYS, containers: { renderer: running({ sinceAgo: 6 * DAYS, restarts: 1, last: { exitCode: 1, finishedAgo: 2 * DAYS, ranSeconds: 3 * 24 * 3600 } }) } },
      ...evictions.map((e, i) => ({ revision: 9, node: [a, b2, c][i] ?? '', createdAgo: e.at, containers: { renderer: running({ sinceAgo: e.at - 0.3 }) } })),
    ],
  });
  const evicted = app.pods.slice(0, 3);
  const rs = replicaSetOf(app, 9);
  const replacements = app.pods.slice(5);
  return {
    id: 'nodes-disk-pressure-evicts-renderer-pods',
    class: 'nodes',
    truth: 'Node ip-10-0-92-140 has DiskPressure (ephemeral-storage below the eviction threshold) for 34 minutes; the kubelet evicted 3 pdf-renderer pods, the biggest users of ephemeral storage with no request (rasters in /tmp). Replacements run elsewhere; the node is tainted disk-pressure.',
    ask: { service: 'pdf-renderer' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'pdf-renderer', selector: { app: 'pdf-renderer' }, pods: app.pods }),
      nodeEvent(full, 'NodeHasDiskPressure', `Node ${full} status is now: NodeHasDiskPressure`, { firstAgo: 34 }),
      nodeEvent(full, 'EvictionThresholdMet', 'Attempting to reclaim ephemeral-storage', { type: 'Warning', count: 5, firstAgo: 34, lastAgo: 2 }),
      nodeEvent(full, 'FreeDiskSpaceFailed', 'Failed to garbage collect required amount of images. Attempted to free 9437184000 bytes, but only found 1203765248 bytes eligible to free.', { type: 'Warning', count: 7, firstAgo: 39, lastAgo: 4 }),
      ...evicted.flatMap((p, i) => {
        const e = evictions[i];
        if (e === undefined) return [];
        return [
          event({ on: p, reason: 'Evicted', message: message(e), firstAgo: e.at, lastAgo: e.at }),
          event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container renderer', firstAgo: e.at, lastAgo: e.at, fieldPath: 'spec.containers{renderer}' }),
        ];
      }),
      ...replacements.flatMap((p, i) => [createdPod(rs, p, evictions[i]?.at ?? 1), ...startedNormally(p, 'renderer', image, evictions[i]?.at ?? 1)]),
    ],
    logs: [
      { namespace: ns, pod: nameOf(app.pods[4] ?? {}), container: 'renderer', current: '2026-11-21T03:13:31.090Z INFO  render job 5522410: 36 pages @300dpi, spooling rasters to /tmp/render-5522410\n', previous: '2026-11-19T03:02:44.716Z INFO  render job 5409121: 2 pages @300dpi\n2026-11-19T03:02:45.020Z ERROR ghostscript exited with status 1 on job 5409121: **** Unrecoverable error in PDF: corrupted xref table\n2026-11-19T03:02:45.021Z FATAL worker pool lost 1 worker(s), exiting\n' },
      ...evicted.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'renderer', current: '2026-11-21T02:40:12.551Z INFO  render job 5521903: 412 pages @300dpi, spooling rasters to /tmp/render-5521903\n2026-11-21T02:40:49.006Z INFO  render job 5521904: 1,388 pages @300dpi, spooling rasters to /tmp/render-5521904\n' })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/DiskPressure|disk pressure|low on (resource: )?ephemeral-storage|evict/i, /ip-10-0-92-140/],
      facts: [/ephemeral-storage/, /\b3\b[^\n]*evict|evict[^\n]*\b3\b/i, /request is 0|no ephemeral-storage (request|limit)|ephemeral-storage (request|limit)/i],
      never: [/\bOOM|out of memory/i, BLAMES_ROLLOUT],
    },
  };
}

// ---- 10. MemoryPressure evicts BestEffort pods ----------------------------------------------

/**
 * campaign-worker has no resources at all (the chart default `resources: {}`), so it is
 * BestEffort and invisible to the scheduler's memory accounting. When the audience export
 * loaded full segments, ip-10-0-103-201 fell under 100Mi available: the kubelet evicted the
 * two BestEffort campaign-worker pods first.
 */
function memoryPressureEvictsBestEffort(): CorpusScenario {
  const ns = 'marketing';
  const hot = 'ip-10-0-103-201.eu-west-1.compute.internal';
  const nodes = [
    node({ name: 'ip-10-0-101-45.eu-west-1.compute.internal', zone: 'eu-west-1a', instanceType: 'm6i.large', allocatable: { cpu: '1930m', 'ephemeral-storage': '76224326324', memory: '7220184Ki', pods: '29' } }),
    node({ name: 'ip-10-0-102-77.eu-west-1.compute.internal', zone: 'eu-west-1b', instanceType: 'm6i.large', allocatable: { cpu: '1930m', 'ephemeral-storage': '76224326324', memory: '7220184Ki', pods: '29' } }),
    node({ name: hot, zone: 'eu-west-1c', instanceType: 'm6i.large', allocatable: { cpu: '1930m', 'ephemeral-storage': '76224326324', memory: '7220184Ki', pods: '29' }, pressure: { memory: 14 }, taints: [{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule', timeAdded: ago(14) }] }),
  ];
  const [a, b] = nodes.map(nameOf);
  const image = `${ECR}/marketing/campaign-worker:2.19.0`;
  const bestEffort = (img: string) => ({ containers: [{ ...container({ name: 'worker', image: img, ports: [8081], readiness: httpProbe('/ready', 8081), liveness: null }), resources: {} }] });
  const evictions = [
    { at: 13, available: '71224Ki', using: '5893220Ki' },
    { at: 10.5, available: '88304Ki', using: '4410336Ki' },
  ];
  const message = (e: (typeof evictions)[number]) => `The node was low on resource: memory. Threshold quantity: 100Mi, available: ${e.available}. Container worker was using ${e.using}, request is 0, has larger consumption of memory. `;
  const app = deploymentApp({
    namespace: ns,
    name: 'campaign-worker',
    replicas: 4,
    revisions: [
      { revision: 3, createdAgo: 40 * DAYS, template: bestEffort(`${ECR}/marketing/campaign-worker:2.18.2`) },
      { revision: 4, createdAgo: 8 * DAYS, template: bestEffort(image) },
    ],
    pods: [
      ...evictions.map((e) => ({
        revision: 4,
        node: hot,
        createdAgo: 8 * DAYS,
        ...kubeletEviction(message(e), e.at),
        containers: { worker: terminated({ exitCode: 137, reason: 'Error', finishedAgo: e.at - 0.1, ranSeconds: 8 * 24 * 3600 }) },
      })),
      { revision: 4, node: a, createdAgo: 8 * DAYS },
      { revision: 4, node: b, createdAgo: 8 * DAYS },
      { revision: 4, node: a, createdAgo: 13, containers: { worker: running({ sinceAgo: 12.8 }) } },
      { revision: 4, node: b, createdAgo: 10.5, containers: { worker: running({ sinceAgo: 10.3 }) } },
    ],
  });
  const evicted = app.pods.slice(0, 2);
  const rs = replicaSetOf(app, 4);
  const replacements = app.pods.slice(4);
  const exportLog = '2026-11-21T02:58:40.114Z INFO  export audience segment "black-friday-lapsed-buyers" (3,912,448 profiles): loading into memory\n2026-11-21T03:00:02.877Z INFO  segment loaded, building send batches\n';
  return {
    id: 'nodes-memory-pressure-evicts-besteffort-pods',
    class: 'nodes',
    truth: 'Node ip-10-0-103-201 is under MemoryPressure for 14 minutes; the kubelet evicted 2 campaign-worker pods first because they are BestEffort (no requests, request is 0) and used the most memory. Replacements run on the other nodes.',
    ask: { service: 'campaign-worker' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'campaign-worker', selector: { app: 'campaign-worker' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8081 }], endpointPort: 8081 }),
      nodeEvent(hot, 'NodeHasInsufficientMemory', `Node ${hot} status is now: NodeHasInsufficientMemory`, { firstAgo: 14 }),
      nodeEvent(hot, 'EvictionThresholdMet', 'Attempting to reclaim memory', { type: 'Warning', count: 3, firstAgo: 14, lastAgo: 10.6 }),
      ...evicted.flatMap((p, i) => {
        const e = evictions[i];
        if (e === undefined) return [];
        return [
          event({ on: p, reason: 'Evicted', message: message(e), firstAgo: e.at, lastAgo: e.at }),
          event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container worker', firstAgo: e.at, lastAgo: e.at, fieldPath: 'spec.containers{worker}' }),
        ];
      }),
      ...replacements.flatMap((p, i) => [createdPod(rs, p, evictions[i]?.at ?? 1), ...startedNormally(p, 'worker', image, evictions[i]?.at ?? 1)]),
    ],
    logs: evicted.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'worker', current: exportLog })),
    expect: {
      verdict: 'problems',
      headline: [/evict[^\n]*memory|memory[^\n]*evict|MemoryPressure|memory pressure|low on (resource: )?memory/i, /ip-10-0-103-201/],
      facts: [/BestEffort|no (memory )?requests?|request is 0/i, /\b2\b[^\n]*evict|evict[^\n]*\b2\b/i],
      never: [/OOMKilled|OOM kill/i, BLAMES_ROLLOUT, /ephemeral/i],
    },
  };
}

// ---- 11. a DaemonSet crashing only on the new arm64 nodes ---------------------------------

/**
 * The platform team added a Graviton node group (general-arm64) 50 minutes ago. The mirrored
 * fluent-bit image was built on amd64 only: on the two arm64 nodes the binary does not run
 * (exec format error); on the five amd64 nodes it is fine. No rollout.
 */
function daemonSetCrashesOnArm64Nodes(): CorpusScenario {
  const ns = 'observability';
  const amd = ['ip-10-0-111-20', 'ip-10-0-111-145', 'ip-10-0-112-61', 'ip-10-0-112-199', 'ip-10-0-113-84'].map((n, i) =>
    node({ name: `${n}.eu-west-1.compute.internal`, zone: `eu-west-1${'abbcc'[i] ?? 'a'}` }),
  );
  const arm = ['ip-10-0-111-230', 'ip-10-0-113-12'].map((n, i) =>
    node({ name: `${n}.eu-west-1.compute.internal`, zone: i === 0 ? 'eu-west-1a' : 'eu-west-1c', pool: 'general-arm64', instanceType: 'm7g.xlarge', arch: 'arm64', createdAgo: 50 }),
  );
  const image = `${ECR}/mirror/fluent-bit:3.1.9-plugins`;
  const tpl = {
    containers: [
      container({
        name: 'fluent-bit',
        image,
        ports: [{ name: 'http', containerPort: 2020 }],
        cpu: '100m',
        memory: '128Mi',
        readiness: httpProbe('/api/v1/health', 'http'),
        liveness: httpProbe('/', 'http'),
        volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }, { name: 'config', mountPath: '/fluent-bit/etc/' }],
      }),
    ],
    volumes: [{ name: 'varlog', hostPath: { path: '/var/log', type: '' } }, { name: 'config', configMap: { name: 'fluent-bit', defaultMode: 420 } }],
    tolerations: [{ operator: 'Exists' }],
    serviceAccountName: 'fluent-bit',
    priorityClassName: 'system-node-critical',
  };
  const crash = { exitCode: 255, reason: 'Error', finishedAgo: 2.5, ranSeconds: 0 };
  const app = daemonSetApp({
    namespace: ns,
    name: 'fluent-bit',
    selector: { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit' },
    revisions: [
      { revision: 5, createdAgo: 61 * DAYS, template: { ...tpl, containers: [container({ name: 'fluent-bit', image: `${ECR}/mirror/fluent-bit:3.0.7-plugins`, ports: [{ name: 'http', containerPort: 2020 }], cpu: '100m', memory: '128Mi' })] } },
      { revision: 6, createdAgo: 20 * DAYS, template: tpl },
    ],
    pods: [
      ...arm.map((n) => ({ revision: 6, node: nameOf(n), createdAgo: 49, containers: { 'fluent-bit': crashLoop(crash, 14) } })),
      ...amd.map((n) => ({ revision: 6, node: nameOf(n), createdAgo: 20 * DAYS })),
    ],
  });
  const broken = app.pods.slice(0, 2);
  return {
    id: 'nodes-daemonset-exec-format-error-on-arm64-pool',
    class: 'nodes',
    truth: 'fluent-bit crash-loops only on the 2 nodes of the new arm64 node group general-arm64: the mirrored image is amd64-only, so the binary fails with exec format error; the 5 amd64 nodes run it fine. No rollout (revision 6 is 20 days old).',
    ask: { service: 'fluent-bit', namespace: 'observability' },
    objects: [
      ...amd,
      ...arm,
      ...app.objects,
      ...broken.flatMap((p) => [
        backOff(p, 'fluent-bit', { count: 210, firstAgo: 47, lastAgo: 0.4 }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 14, firstAgo: 48.5, lastAgo: 2.6, fieldPath: 'spec.containers{fluent-bit}' }),
      ]),
    ],
    logs: broken.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'fluent-bit', previous: 'exec /fluent-bit/bin/fluent-bit: exec format error\n' })),
    expect: {
      verdict: 'problems',
      headline: [/arm64|aarch64|architecture/i, /exec format error|amd64|architecture/i],
      facts: [/exec format error/, /general-arm64|ip-10-0-111-230|ip-10-0-113-12/, /5\/7|2\/7|2 of 7|5 of 7/],
      never: [BLAMES_ROLLOUT, /\bOOM/, /application error|bug in the (app|application|code)/i],
    },
  };
}

// ---- 12. a node out of pod IPs (aws-cni) --------------------------------------------------

/**
 * The spot-burst launch template sets max-pods 58, but an m5.large has 3 ENIs x 10 IPs: the VPC
 * CNI has no IP left on ip-10-0-122-77. The two push-gateway pods the HPA added 16 minutes ago
 * landed there and never got a sandbox; the four on other nodes serve.
 */
function nodeOutOfPodIps(): CorpusScenario {
  const ns = 'notifications';
  const starved = 'ip-10-0-122-77.eu-west-1.compute.internal';
  const nodes = [
    node({ name: 'ip-10-0-121-30.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-122-115.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
    node({ name: 'ip-10-0-123-240.eu-west-1.compute.internal', zone: 'eu-west-1c' }),
    node({ name: starved, zone: 'eu-west-1b', pool: 'spot-burst', instanceType: 'm5.large', createdAgo: 25, allocatable: { cpu: '1930m', 'ephemeral-storage': '18242267924', memory: '7220184Ki', pods: '58' }, labels: { 'eks.amazonaws.com/capacityType': 'SPOT' } }),
  ];
  const [a, b, c] = nodes.map(nameOf);
  const image = `${ECR}/notifications/push-gateway:1.31.0`;
  const tpl = { containers: [container({ image, ports: [8443], cpu: '500m', memory: '768Mi', readiness: httpProbe('/healthz/ready', 8443), liveness: httpProbe('/healthz/live', 8443, { initialDelaySeconds: 15 }) })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'push-gateway',
    replicas: 6,
    revisions: [{ revision: 33, createdAgo: 4 * DAYS, template: tpl }],
    pods: [
      { revision: 33, node: starved, createdAgo: 16, phase: 'Pending', containers: { app: waiting('ContainerCreating') } },
      { revision: 33, node: starved, createdAgo: 16, phase: 'Pending', containers: { app: waiting('ContainerCreating') } },
      { revision: 33, node: a, createdAgo: 4 * DAYS },
      { revision: 33, node: b, createdAgo: 4 * DAYS },
      { revision: 33, node: c, createdAgo: 4 * DAYS, containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 2, finishedAgo: 3 * DAYS, ranSeconds: 20 * 3600 } }) } },
      { revision: 33, node: a, createdAgo: 2 * DAYS },
    ],
    settled: { available: true, availableSince: 4 * DAYS, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 2 },
  });
  const stuck = app.pods.slice(0, 2);
  const sandbox = (seed: string) => createHash('sha256').update(seed).digest('hex');
  const fail = (id: string) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${id}": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container`;
  const scaler = hpa({ namespace: ns, name: 'push-gateway', target: { kind: 'Deployment', name: 'push-gateway' }, min: 4, max: 12, current: 6, desired: 6, cpu: { current: 64, target: 70 }, lastScaleAgo: 16 });
  return {
    id: 'nodes-aws-cni-out-of-ips-sandbox-failures',
    class: 'nodes',
    truth: 'Node ip-10-0-122-77 (spot-burst, m5.large, max-pods 58 above its ENI IP capacity) has no pod IPs left: the 2 push-gateway pods scheduled there are stuck ContainerCreating with FailedCreatePodSandBox (aws-cni failed to assign an IP address); the 4 pods on other nodes are fine.',
    ask: { service: 'push-gateway' },
    objects: [
      ...nodes,
      ...app.objects,
      scaler,
      ...exposed({ namespace: ns, name: 'push-gateway', selector: { app: 'push-gateway' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 8443 }], endpointPort: 8443 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'push-gateway', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 16, lastAgo: 16, component: 'horizontal-pod-autoscaler' }),
      ...stuck.flatMap((p, i) => [
        scheduled(p, 16),
        event({ on: p, reason: 'FailedCreatePodSandBox', message: fail(sandbox(`${nameOf(p)}/1`)), firstAgo: 15.9, lastAgo: 15.9 }),
        event({ on: p, reason: 'FailedCreatePodSandBox', message: fail(sandbox(`${nameOf(p)}/2`)), firstAgo: 15.7, lastAgo: 15.7 }),
        event({ on: p, reason: 'FailedCreatePodSandBox', message: `(combined from similar events): ${fail(sandbox(`${nameOf(p)}/3`))}`, count: 61 - i * 2, firstAgo: 15.5, lastAgo: 0.3 }),
      ]),
    ],
    logs: app.pods.slice(2).map((p, i) => ({
      namespace: ns,
      pod: nameOf(p),
      container: 'app',
      current: '{"level":"info","ts":"2026-11-21T03:13:50.218Z","msg":"apns batch sent","batch":512,"failed":0,"took_ms":184}\n',
      ...(i === 2 ? { previous: 'panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x30 pc=0x9b2f41]\n\ngoroutine 4187 [running]:\ngithub.com/example/push-gateway/internal/fcm.(*Client).Send(0x0, {0xc0012a4000, 0x1f4})\n\t/src/internal/fcm/client.go:118 +0x41\n' } : {}),
    })),
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-122-77/, /sandbox|IP address|assign (an )?IPs?|aws-cni|CNI|out of IPs/i],
      facts: [/ContainerCreating/, /failed to assign an IP address/, /\b4\/6\b|4 of 6|\b2\b[^\n]*(stuck|ContainerCreating)/i],
      never: [/ImagePull/i, /\bOOM/, BLAMES_ROLLOUT],
    },
  };
}

export const NODE_SCENARIOS: CorpusScenario[] = [
  nodeNotReadyKubeletSilent(),
  statefulSetPodStuckTerminating(),
  diskPressureEvictions(),
  memoryPressureEvictsBestEffort(),
  daemonSetCrashesOnArm64Nodes(),
  nodeOutOfPodIps(),
];
