// Corpus stories: scheduling. Pods the scheduler cannot place: a nodeSelector no node carries, an
// affinity to a node pool that is gone, a lost toleration, CPU and memory the nodes do not have,
// a volume pinned to a zone with no schedulable node.
import {
  BLAMES_ROLLOUT, DAYS, ECR, HOURS, ago, boundClaim, container, deploymentApp, event, exposed, failedScheduling, hpa, nameOf, node,
  nodeEvent, notTriggerScaleUp, replicaSetOf, running, scaledReplicaSet, startedNormally, statefulSetApp, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

function deploymentOf(app: Built): KubeJson {
  const d = app.objects[0];
  if (d === undefined || d.kind !== 'Deployment') throw new Error('not a Deployment');
  return d;
}

// ---- 1. a nodeSelector no node carries ----------------------------------------------------

/**
 * Revision 42 of thumbnailer pins the pods to the NVMe pool with `disktype: ssd`; the pool's
 * nodes are labelled `disk-type=ssd`. The two new pods stay Pending, three old pods serve.
 */
function nodeSelectorMatchesNoNode(): CorpusScenario {
  const ns = 'media';
  const nodes = [
    node({ name: 'ip-10-0-11-24.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-12-97.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
    node({ name: 'ip-10-0-13-150.eu-west-1.compute.internal', zone: 'eu-west-1c' }),
    node({ name: 'ip-10-0-11-201.eu-west-1.compute.internal', zone: 'eu-west-1a', pool: 'nvme', instanceType: 'm6id.2xlarge', labels: { 'disk-type': 'ssd' }, createdAgo: 21 * DAYS }),
    node({ name: 'ip-10-0-12-18.eu-west-1.compute.internal', zone: 'eu-west-1b', pool: 'nvme', instanceType: 'm6id.2xlarge', labels: { 'disk-type': 'ssd' }, createdAgo: 21 * DAYS }),
    node({ name: 'ip-10-0-13-66.eu-west-1.compute.internal', zone: 'eu-west-1c', pool: 'nvme', instanceType: 'm6id.2xlarge', labels: { 'disk-type': 'ssd' }, createdAgo: 21 * DAYS }),
  ];
  const [n1, n2, , n4] = nodes.map(nameOf);
  const tpl = (v: string, nodeSelector?: Record<string, string>) => ({
    containers: [
      container({
        image: `${ECR}/media/thumbnailer:${v}`,
        cpu: '1',
        memory: '2Gi',
        env: [{ name: 'SCRATCH_DIR', value: '/scratch' }],
        volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }],
      }),
    ],
    volumes: [{ name: 'scratch', emptyDir: {} }],
    ...(nodeSelector === undefined ? {} : { nodeSelector }),
  });
  const message = "0/6 nodes are available: 6 node(s) didn't match Pod's node affinity/selector. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.";
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 4,
    revisions: [
      { revision: 41, createdAgo: 11 * DAYS, template: tpl('2.7.3') },
      { revision: 42, createdAgo: 23, changeCause: 'helm upgrade thumbnailer: scratch on local NVMe (nodeSelector disktype=ssd), 2.8.0', template: tpl('2.8.0', { disktype: 'ssd' }) },
    ],
    pods: [
      { revision: 42, createdAgo: 23, unschedulable: message },
      { revision: 42, createdAgo: 22.9, unschedulable: message },
      // maxUnavailable 1 took one old pod away; three still serve.
      { revision: 41, node: n1, createdAgo: 11 * DAYS, containers: { app: running({ sinceAgo: 27 * HOURS, restarts: 1, last: { exitCode: 1, finishedAgo: 27 * HOURS, ranSeconds: 8 * 24 * 3600 } }) } },
      { revision: 41, node: n2, createdAgo: 11 * DAYS },
      { revision: 41, node: n4, createdAgo: 6 * DAYS },
    ],
  });
  const [p1, p2] = app.pods;
  const deployment = deploymentOf(app);
  const oldRs = nameOf(replicaSetOf(app, 41));
  const newRs = nameOf(replicaSetOf(app, 42));
  const api = deploymentApp({
    namespace: ns,
    name: 'media-api',
    replicas: 2,
    revisions: [{ revision: 19, createdAgo: 4 * DAYS, template: { containers: [container({ image: `${ECR}/media/media-api:5.0.2` })] } }],
    pods: [{ revision: 19, node: n1, createdAgo: 4 * DAYS }, { revision: 19, node: n2, createdAgo: 4 * DAYS }],
  });
  return {
    id: 'scheduling-nodeselector-disktype-matches-no-node',
    class: 'scheduling',
    truth: 'Revision 42 added nodeSelector disktype=ssd, but the NVMe nodes are labelled disk-type=ssd: no node matches, the 2 new pods stay Pending and the rollout is stuck while 3 pods of revision 41 serve.',
    ask: { service: 'thumbnailer' },
    objects: [
      ...nodes,
      ...app.objects,
      ...api.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: api.pods }),
      scaledReplicaSet(deployment, newRs, 1, 0, 23),
      scaledReplicaSet(deployment, oldRs, 3, 4, 23),
      scaledReplicaSet(deployment, newRs, 2, 1, 22.9),
      ...(p1 && p2 ? [failedScheduling(p1, message, { count: 8, firstAgo: 23, lastAgo: 2.5 }), failedScheduling(p2, message, { count: 8, firstAgo: 22.9, lastAgo: 2.4 })] : []),
    ],
    logs: [
      {
        namespace: ns,
        pod: nameOf(app.pods[2] ?? {}),
        container: 'app',
        current: '2026-11-21T03:13:38.120Z info thumbnail job=media/8812931 sizes=[160,480,1280] took=412ms\n',
        previous: [
          '2026-11-20T00:13:11.402Z info thumbnail job=media/8790114 sizes=[160,480,1280] took=388ms',
          'node:internal/process/promises:391',
          '    triggerUncaughtException(err, true /* fromPromise */);',
          '    ^',
          '',
          '[Error: VipsJpeg: Premature end of input file',
          'vips2jpeg: unable to write to target] {',
          '  code: undefined',
          '}',
          '',
          'Node.js v20.18.0',
        ].join('\n') + '\n',
      },
    ],
    expect: {
      verdict: 'problems',
      headline: [/disktype[=: "']+ssd/i, /match|no (schedulable )?nodes?|0\/6/i],
      facts: [/revision 42/i, /disk-type/, /\b2\b[^\n]*Pending|Pending[^\n]*\b2\b/i],
      never: [/Insufficient (cpu|memory)/i, /untolerated taint|missing toleration/i, /\bOOM/],
    },
  };
}

// ---- 2. affinity to a node pool that is gone ----------------------------------------------

/**
 * The platform team replaced the gpu-a10 node group by gpu-l4 40 minutes ago. embedder still
 * requires eks.amazonaws.com/nodegroup=gpu-a10: its pods, evicted by the drain, are all Pending.
 * No rollout: revision 7 is 12 days old. reranker was already moved and runs on gpu-l4.
 */
function affinityToRemovedNodePool(): CorpusScenario {
  const ns = 'ml';
  const gpuTaint = { key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' };
  const l4 = { pool: 'gpu-l4', instanceType: 'g6.xlarge', taints: [gpuTaint], createdAgo: 55, allocatable: { cpu: '3920m', 'ephemeral-storage': '95551679124', memory: '14918816Ki', 'nvidia.com/gpu': '1', pods: '58' } };
  const nodes = [
    node({ name: 'ip-10-0-21-35.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-22-140.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
    node({ name: 'ip-10-0-23-9.eu-west-1.compute.internal', zone: 'eu-west-1c' }),
    node({ name: 'ip-10-0-21-77.eu-west-1.compute.internal', zone: 'eu-west-1a', ...l4 }),
    node({ name: 'ip-10-0-22-203.eu-west-1.compute.internal', zone: 'eu-west-1b', ...l4 }),
  ];
  const gpu = (image: string, pool: string): TemplateLike => ({
    containers: [
      {
        ...container({ image, ports: [8000], cpu: '3', memory: '12Gi', readiness: { httpGet: { path: '/v1/health/ready', port: 8000, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 } }),
        resources: { requests: { cpu: '3', memory: '12Gi', 'nvidia.com/gpu': '1' }, limits: { memory: '12Gi', 'nvidia.com/gpu': '1' } },
      },
    ],
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'eks.amazonaws.com/nodegroup', operator: 'In', values: [pool] }] }] } } },
    tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
  });
  const message = "0/5 nodes are available: 5 node(s) didn't match Pod's node affinity/selector. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.";
  const app = deploymentApp({
    namespace: ns,
    name: 'embedder',
    replicas: 3,
    revisions: [
      { revision: 6, createdAgo: 34 * DAYS, template: gpu(`${ECR}/ml/embedder:1.8.0`, 'gpu-a10') },
      { revision: 7, createdAgo: 12 * DAYS, template: gpu(`${ECR}/ml/embedder:1.9.1`, 'gpu-a10') },
    ],
    pods: [
      { revision: 7, createdAgo: 41, unschedulable: message },
      { revision: 7, createdAgo: 40.5, unschedulable: message },
      { revision: 7, createdAgo: 39.8, unschedulable: message },
    ],
    // Rolled out 12 days ago; unavailable since the drain evicted the pods.
    settled: { available: false, availableSince: 41, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS - 2 },
  });
  const reranker = deploymentApp({
    namespace: ns,
    name: 'reranker',
    replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 9 * DAYS, template: gpu(`${ECR}/ml/reranker:0.14.2`, 'gpu-a10') },
      { revision: 12, createdAgo: 62, changeCause: 'move reranker to gpu-l4', template: gpu(`${ECR}/ml/reranker:0.14.2`, 'gpu-l4') },
    ],
    pods: [
      { revision: 12, node: nameOf(nodes[3] ?? {}), createdAgo: 54 },
      { revision: 12, node: nameOf(nodes[4] ?? {}), createdAgo: 53 },
    ],
  });
  return {
    id: 'scheduling-affinity-to-removed-gpu-pool',
    class: 'scheduling',
    truth: 'The gpu-a10 node group was replaced by gpu-l4 40 minutes ago; embedder (revision 7, 12 days old) requires nodegroup gpu-a10, so all 3 pods are Pending: no node matches the affinity. Not a rollout.',
    ask: { service: 'embedder', namespace: 'ml' },
    objects: [
      ...nodes,
      ...app.objects,
      ...reranker.objects,
      ...exposed({ namespace: ns, name: 'embedder', selector: { app: 'embedder' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'reranker', selector: { app: 'reranker' }, pods: reranker.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...app.pods.flatMap((p, i) => [
        failedScheduling(p, message, { count: 11 - i, firstAgo: 41 - i * 0.5, lastAgo: 3 + i }),
        notTriggerScaleUp(p, "2 node(s) didn't match Pod's node affinity/selector", { count: 220 - i * 3, firstAgo: 40.8 - i * 0.5, lastAgo: 0.2 }),
      ]),
      scaledReplicaSet(deploymentOf(reranker), nameOf(replicaSetOf(reranker, 11)), 0, 2, 53),
    ],
    expect: {
      verdict: 'problems',
      headline: [/gpu-a10/, /affinity|node ?group|node pool|no (matching )?nodes?|match/i],
      facts: [/didn't match Pod's node affinity\/selector|no node matches|matches no node/i, /\b3\b[^\n]*Pending|Pending[^\n]*\b3\b|0\/3/i, /gpu-l4/],
      never: [BLAMES_ROLLOUT, /Insufficient/i, /\bOOM/],
    },
  };
}

type TemplateLike = Parameters<typeof deploymentApp>[0]['revisions'][number]['template'];

// ---- 3. a toleration lost in a chart refactor ---------------------------------------------

/**
 * The report-worker chart 3.0 moved tolerations under `worker.tolerations`; revision 19 lost
 * the toleration for dedicated=batch:NoSchedule. Its pods must run on the batch node group (the
 * nodeSelector survived), whose three nodes are all tainted: 4 new pods Pending.
 */
function lostTolerationForDedicatedPool(): CorpusScenario {
  const ns = 'reporting';
  const taint = { key: 'dedicated', value: 'batch', effect: 'NoSchedule' };
  const batch = { pool: 'batch', instanceType: 'c6i.2xlarge', taints: [taint], labels: { workload: 'batch' }, allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '14963436Ki', pods: '58' } };
  const nodes = [
    node({ name: 'ip-10-0-31-12.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-32-54.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
    node({ name: 'ip-10-0-33-190.eu-west-1.compute.internal', zone: 'eu-west-1c' }),
    node({ name: 'ip-10-0-31-88.eu-west-1.compute.internal', zone: 'eu-west-1a', ...batch }),
    node({ name: 'ip-10-0-32-131.eu-west-1.compute.internal', zone: 'eu-west-1b', ...batch }),
    node({ name: 'ip-10-0-33-7.eu-west-1.compute.internal', zone: 'eu-west-1c', ...batch }),
  ];
  const batchNodes = nodes.slice(3).map(nameOf);
  const tpl = (v: string, tolerate: boolean) => ({
    containers: [container({ name: 'worker', image: `${ECR}/reporting/report-worker:${v}`, ports: [9090], cpu: '1500m', memory: '3Gi', readiness: tcpProbe(9090), liveness: tcpProbe(9090, { initialDelaySeconds: 20 }) })],
    nodeSelector: { workload: 'batch' },
    ...(tolerate ? { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' }] } : {}),
  });
  const message = "0/6 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, 3 node(s) had untolerated taint {dedicated: batch}. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.";
  const app = deploymentApp({
    namespace: ns,
    name: 'report-worker',
    replicas: 8,
    revisions: [
      { revision: 18, createdAgo: 5 * DAYS, template: tpl('4.11.0', true) },
      { revision: 19, createdAgo: 26, changeCause: 'helm upgrade report-worker --version 3.0.0 (chart refactor)', template: tpl('4.11.0', false) },
    ],
    pods: [
      ...[26, 26, 25.9, 25.9].map((createdAgo) => ({ revision: 19, createdAgo, unschedulable: message })),
      ...[0, 1, 2, 3, 4, 5].map((i) => ({ revision: 18, node: batchNodes[i % 3] ?? '', createdAgo: 5 * DAYS - i })),
    ],
  });
  const deployment = deploymentOf(app);
  const oldRs = nameOf(replicaSetOf(app, 18));
  const newRs = nameOf(replicaSetOf(app, 19));
  const logs = '2026-11-21T03:13:02.114Z INFO  job 88213 (monthly-invoices, tenant 4411) rendered 1,204 pages in 41.2s\n2026-11-21T03:13:40.562Z INFO  polling queue reports.pending: 37 waiting\n';
  return {
    id: 'scheduling-lost-toleration-dedicated-batch',
    class: 'scheduling',
    truth: 'Revision 19 (chart 3.0.0) dropped the toleration for dedicated=batch:NoSchedule; the pods still select the batch node group, all of whose nodes carry that taint, so the 4 new pods stay Pending and the rollout is stuck.',
    ask: { service: 'report-worker' },
    objects: [
      ...nodes,
      ...app.objects,
      scaledReplicaSet(deployment, newRs, 2, 0, 26),
      scaledReplicaSet(deployment, oldRs, 6, 8, 26),
      scaledReplicaSet(deployment, newRs, 4, 2, 25.9),
      ...app.pods.slice(0, 4).map((p, i) => failedScheduling(p, message, { count: 9, firstAgo: 26 - (i > 1 ? 0.1 : 0), lastAgo: 1 + i })),
    ],
    logs: app.pods.slice(4).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'worker', current: logs })),
    expect: {
      verdict: 'problems',
      headline: [/dedicated[=: ]+batch/i, /tolerat|taint/i],
      facts: [/revision 19/i, /revision 18/i, /\b4\b[^\n]*Pending|Pending[^\n]*\b4\b/i],
      never: [/Insufficient/i, /\bOOM/],
    },
  };
}

// ---- 4. HPA scale-up beyond what the node groups can hold ---------------------------------

/**
 * Traffic doubled; the HPA took storefront from 6 to 14. The three node groups (one per zone)
 * are at their maximum of 2 nodes: six pods are Pending on Insufficient cpu and the cluster
 * autoscaler says it cannot add nodes.
 */
function hpaScaleUpHitsMaxNodeGroupSize(): CorpusScenario {
  const ns = 'shop';
  const nodes = (['a', 'b', 'c'] as const).flatMap((z, zi) =>
    [0, 1].map((i) => node({ name: `ip-10-0-${4 + zi}${i}-${[18, 143, 77, 201, 36, 122][zi * 2 + i]}.eu-west-1.compute.internal`, zone: `eu-west-1${z}`, pool: `general-1${z}`, instanceType: 'c6i.xlarge' })),
  );
  const names = nodes.map(nameOf);
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/shop/storefront:${v}`, ports: [3000], cpu: '1500m', memory: '1Gi', env: [{ name: 'NODE_OPTIONS', value: '--max-old-space-size=768' }] })] });
  const message = '0/6 nodes are available: 6 Insufficient cpu. preemption: 0/6 nodes are available: 6 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront',
    replicas: 14,
    revisions: [
      { revision: 54, createdAgo: 13 * DAYS, template: tpl('2024.11.2') },
      { revision: 55, createdAgo: 5 * DAYS, template: tpl('2024.11.3') },
    ],
    pods: [
      ...[16, 16, 9, 9, 9, 9].map((createdAgo) => ({ revision: 55, createdAgo, unschedulable: message })),
      ...names.map((n, i) => ({ revision: 55, node: n, createdAgo: 5 * DAYS - i })),
      { revision: 55, node: names[0] ?? '', createdAgo: 16, containers: { app: running({ sinceAgo: 15.5 }) } },
      { revision: 55, node: names[3] ?? '', createdAgo: 16, containers: { app: running({ sinceAgo: 15.5 }) } },
    ],
    settled: { available: false, availableSince: 9, progressingSince: 5 * DAYS, progressingUpdatedAgo: 5 * DAYS - 2 },
  });
  const deployment = deploymentOf(app);
  const rs = nameOf(replicaSetOf(app, 55));
  const scaler = hpa({
    namespace: ns,
    name: 'storefront',
    target: { kind: 'Deployment', name: 'storefront' },
    min: 4,
    max: 20,
    current: 14,
    desired: 14,
    cpu: { current: 118, target: 65 },
    lastScaleAgo: 9,
  });
  const pending = app.pods.slice(0, 6);
  return {
    id: 'scheduling-hpa-insufficient-cpu-max-node-group',
    class: 'scheduling',
    truth: 'The HPA scaled storefront to 14 on CPU; the nodes have no CPU left and the three node groups are at their maximum size, so the cluster autoscaler cannot add nodes: 6 pods are Pending on Insufficient cpu. No rollout involved.',
    ask: { service: 'storefront' },
    objects: [
      ...nodes,
      ...app.objects,
      scaler,
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'storefront', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 10; reason: cpu resource utilization (percentage of request) above target', firstAgo: 16, lastAgo: 16, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'storefront', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 14; reason: cpu resource utilization (percentage of request) above target', firstAgo: 9, lastAgo: 9, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deployment, rs, 10, 6, 16),
      scaledReplicaSet(deployment, rs, 14, 10, 9),
      ...pending.flatMap((p, i) => [
        failedScheduling(p, message, { count: i < 2 ? 7 : 5, firstAgo: i < 2 ? 16 : 9, lastAgo: 1 + i * 0.3 }),
        notTriggerScaleUp(p, '3 max node group size reached', { count: i < 2 ? 95 : 54, firstAgo: i < 2 ? 15.8 : 8.8, lastAgo: 0.2 }),
      ]),
      ...app.pods.slice(12).flatMap((p) => startedNormally(p, 'app', `${ECR}/shop/storefront:2024.11.3`, 16)),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Insufficient cpu|not enough cpu|out of cpu/i, /max(imum)? node group size|node groups?.*max|max.*node groups?|autoscaler/i],
      facts: [/\b6\b[^\n]*Pending|Pending[^\n]*\b6\b/i, /\b14\b/, /HPA|HorizontalPodAutoscaler|autoscal/i],
      never: [BLAMES_ROLLOUT, /\bOOM/, /exceeded quota|ResourceQuota/i],
    },
  };
}

// ---- 5. 300 replicas, 260 of them Pending ---------------------------------------------------

/**
 * During a Kafka lag incident an operator scaled event-consumer from 40 to 300. The ten nodes of
 * its pool hold the memory of 40 pods; 260 pods are Pending on Insufficient memory. The pod list is
 * longer than what the bot keeps (200): the count must come from the whole list.
 */
function threeHundredReplicasMostPending(): CorpusScenario {
  const ns = 'ingest';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = Array.from({ length: 10 }, (_, i) =>
    node({ name: `ip-10-0-${51 + (i % 3)}-${20 + i * 13}.eu-west-1.compute.internal`, zone: zones[i % 3] ?? 'eu-west-1a', pool: 'stream', instanceType: 'r6i.large', allocatable: { cpu: '1930m', 'ephemeral-storage': '76224326324', memory: '15306832Ki', pods: '29' } }),
  );
  const names = nodes.map(nameOf);
  const tpl = {
    containers: [
      container({
        image: `${ECR}/ingest/event-consumer:3.22.1`,
        ports: [{ name: 'metrics', containerPort: 9404 }],
        cpu: '100m',
        memory: '3584Mi',
        readiness: { httpGet: { path: '/health', port: 9404, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
        liveness: null,
        env: [{ name: 'KAFKA_TOPIC', value: 'clickstream.v2' }, { name: 'KAFKA_GROUP_ID', value: 'event-consumer' }],
      }),
    ],
  };
  const message = '0/10 nodes are available: 10 Insufficient memory. preemption: 0/10 nodes are available: 10 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'event-consumer',
    replicas: 300,
    revisions: [{ revision: 12, createdAgo: 16 * DAYS, template: tpl }],
    pods: [
      ...Array.from({ length: 40 }, (_, i) => ({ revision: 12, node: names[i % 10] ?? '', createdAgo: 16 * DAYS - i })),
      ...Array.from({ length: 260 }, () => ({ revision: 12, createdAgo: 18, unschedulable: message })),
    ],
    settled: { available: false, availableSince: 18, progressingSince: 16 * DAYS, progressingUpdatedAgo: 16 * DAYS - 2 },
  });
  const deployment = deploymentOf(app);
  const rs = nameOf(replicaSetOf(app, 12));
  const pending = app.pods.slice(40);
  const running40 = app.pods.slice(0, 40);
  const consumerLog = '2026-11-21T03:13:51.207Z INFO  [consumer-event-consumer-1] partitions assigned: clickstream.v2-[96, 97, 98]\n2026-11-21T03:13:58.880Z INFO  committed offsets for 3 partitions, lag 1,841,230\n';
  return {
    id: 'scheduling-300-replicas-260-pending-insufficient-memory',
    class: 'scheduling',
    truth: 'event-consumer was scaled by hand from 40 to 300 replicas 18 minutes ago; each pod requests 3.5Gi and the 10 nodes of its pool hold 4 each, so 260 pods are Pending on Insufficient memory. Not a rollout.',
    ask: { service: 'event-consumer', namespace: 'ingest' },
    objects: [
      ...nodes,
      ...app.objects,
      scaledReplicaSet(deployment, rs, 300, 40, 18),
      // The scheduler reports each pod, but the event correlator and the TTL leave a few.
      ...pending.slice(0, 5).map((p, i) => failedScheduling(p, message, { count: 6, firstAgo: 18, lastAgo: 2 + i })),
      ...pending.slice(200, 203).map((p, i) => failedScheduling(p, message, { count: 5, firstAgo: 17.9, lastAgo: 3 + i })),
    ],
    logs: running40.slice(0, 2).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: consumerLog })),
    expect: {
      verdict: 'problems',
      headline: [/\b260\b/, /Pending|unschedul/i, /memory/i],
      facts: [/\b40\b/, /\b300\b/, /Insufficient memory/i],
      never: [/\b200\b[^\n]*Pending/i, /\bOOM/, BLAMES_ROLLOUT],
    },
  };
}

// ---- 6. a volume pinned to a zone with no schedulable node --------------------------------

/**
 * ledger-db-2's volume is an EBS volume in eu-west-1a. Its node, the only one in eu-west-1a,
 * was cordoned and drained for a kernel patch 26 minutes ago; the pod cannot go anywhere else.
 */
function volumeZoneConflictAfterDrain(): CorpusScenario {
  const ns = 'billing';
  const cordoned = 'ip-10-0-61-45.eu-west-1.compute.internal';
  const nodes = [
    node({ name: cordoned, zone: 'eu-west-1a', pool: 'db', instanceType: 'r6i.xlarge', unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(26) }] }),
    node({ name: 'ip-10-0-62-118.eu-west-1.compute.internal', zone: 'eu-west-1b', pool: 'db', instanceType: 'r6i.xlarge' }),
    node({ name: 'ip-10-0-62-240.eu-west-1.compute.internal', zone: 'eu-west-1b', pool: 'db', instanceType: 'r6i.xlarge' }),
    node({ name: 'ip-10-0-63-31.eu-west-1.compute.internal', zone: 'eu-west-1c', pool: 'db', instanceType: 'r6i.xlarge' }),
  ];
  const tpl = {
    containers: [
      container({
        name: 'postgres',
        image: `${ECR}/platform/postgres-ha:16.4-patroni3.3.2`,
        ports: [{ name: 'postgres', containerPort: 5432 }, { name: 'patroni', containerPort: 8008 }],
        cpu: '2',
        memory: '8Gi',
        readiness: { httpGet: { path: '/readiness', port: 8008, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
        liveness: { httpGet: { path: '/liveness', port: 8008, scheme: 'HTTP' }, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 6 },
        volumeMounts: [{ name: 'data', mountPath: '/home/postgres/pgdata' }],
      }),
    ],
    terminationGracePeriodSeconds: 120,
  };
  const message = '0/4 nodes are available: 1 node(s) were unschedulable, 3 node(s) had volume node affinity conflict. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.';
  const app = statefulSetApp({
    namespace: ns,
    name: 'ledger-db',
    replicas: 3,
    serviceName: 'ledger-db',
    revisions: [{ revision: 4, createdAgo: 45 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: nameOf(nodes[1] ?? {}), createdAgo: 45 * DAYS },
      { revision: 4, ordinal: 1, node: nameOf(nodes[3] ?? {}), createdAgo: 20 * DAYS },
      { revision: 4, ordinal: 2, createdAgo: 25.5, unschedulable: message },
    ],
  });
  const zones = ['eu-west-1b', 'eu-west-1c', 'eu-west-1a'];
  const volumes = zones.flatMap((zone, i) => boundClaim({ namespace: ns, name: `data-ledger-db-${i}`, storage: '200Gi', storageClass: 'gp3', zone, createdAgo: 45 * DAYS, labels: { app: 'ledger-db' } }));
  const [db0, , db2] = app.pods;
  const patroni = '2026-11-21 03:13:41,220 INFO: no action. I am (ledger-db-0), the leader with the lock\n2026-11-21 03:13:51,219 INFO: no action. I am (ledger-db-0), the leader with the lock\n';
  return {
    id: 'scheduling-volume-zone-conflict-eu-west-1a',
    class: 'scheduling',
    truth: "ledger-db-2's EBS volume lives in eu-west-1a; the only eu-west-1a node was cordoned and drained 26 minutes ago, the other 3 nodes are in 1b/1c, so the pod is Pending on a volume node affinity conflict.",
    ask: { service: 'ledger-db' },
    objects: [
      ...nodes,
      ...app.objects,
      ...volumes,
      ...exposed({ namespace: ns, name: 'ledger-db', selector: { app: 'ledger-db' }, pods: app.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      nodeEvent(cordoned, 'NodeNotSchedulable', `Node ${cordoned} status is now: NodeNotSchedulable`, { firstAgo: 26 }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-db', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod ledger-db-2 in StatefulSet ledger-db successful', firstAgo: 25.6, lastAgo: 25.6, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-db', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod ledger-db-2 in StatefulSet ledger-db successful', firstAgo: 25.5, lastAgo: 25.5, component: 'statefulset-controller' }),
      ...(db2 ? [failedScheduling(db2, message, { count: 9, firstAgo: 25.5, lastAgo: 1.5 })] : []),
    ],
    logs: db0 ? [{ namespace: ns, pod: nameOf(db0), container: 'postgres', current: patroni }] : [],
    expect: {
      verdict: 'problems',
      headline: [/volume node affinity|volume[^\n]*(zone|affinity)|(zone|affinity)[^\n]*volume/i, /eu-west-1a/],
      facts: [/ledger-db-2/, /unschedulable|cordon/i, /data-ledger-db-2|pvc-/],
      never: [/Insufficient/i, BLAMES_ROLLOUT, /\bOOM/],
    },
  };
}

export const SCHEDULING_SCENARIOS: CorpusScenario[] = [
  nodeSelectorMatchesNoNode(),
  affinityToRemovedNodePool(),
  lostTolerationForDedicatedPool(),
  hpaScaleUpHitsMaxNodeGroupSize(),
  threeHundredReplicasMostPending(),
  volumeZoneConflictAfterDrain(),
];
