// Held-out stories, nineteenth round, second half: written without reading the analysis code.
//
// The cluster autoscaler unable to launch r6i.2xlarge in the node group's only zone (EC2
// InsufficientInstanceCapacity), an expired Linkerd trust anchor / issuer that new proxies cannot
// get an identity from, a KEDA-driven worker left at zero replicas because the scaler's copy of the
// RabbitMQ credentials was not rotated, Java 8u252 sizing its heap from the host on cgroup v2 nodes,
// a hostPath `type: Directory` missing on a new AMI, an operator still watching policy/v1beta1
// PodDisruptionBudgets after the 1.25 upgrade, and a healthy StatefulSet mid rolling update.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, configMap, container, containerStatus, crashLoop, deploymentApp, event,
  exposed, failedScheduling, httpProbe, nameOf, node, nodeEvent, notTriggerScaleUp, probeFailed, pyTime, restartedAgain, rsOf,
  running, scaledReplicaSet, scheduled, startedNormally, statefulSetApp, tcpProbe, terminated, uidOf, waiting, job,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- helpers of this part ---------------------------------------------------------------------

const lines = (...xs: string[]): string => xs.join('\n') + '\n';

/** klog's header: `I1121 02:49:24.118372       1 file.go:123] msg`. */
function klog(level: 'I' | 'W' | 'E' | 'F', minutes: number, file: string, msg: string): string {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000 + 417).padStart(6, '0');
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}       1 ${file}] ${msg}`;
}

/** logrus' text format time (Go controllers): `2026-11-21T02:14:05Z`. */
const goTime = (minutes: number): string => at(minutes).replace(/\.\d{3}Z$/, 'Z');

interface NodeLook {
  name: string;
  zone: string;
  pool: string;
  instanceType: string;
  createdAgo: number;
  labels?: Record<string, string>;
  osImage?: string;
  kernel?: string;
  kubelet?: string;
  containerd?: string;
  capacity?: Record<string, string>;
  allocatable?: Record<string, string>;
}

/** An EKS node with its own OS image, kernel and kubelet (the kit's defaults are AL2023 / 1.31). */
function eksNode(o: NodeLook): k8s.V1Node {
  const n = node({ name: o.name, zone: o.zone, pool: o.pool, instanceType: o.instanceType, createdAgo: o.createdAgo, readySince: o.createdAgo - 1, ...(o.labels === undefined ? {} : { labels: o.labels }), ...(o.allocatable === undefined ? {} : { allocatable: o.allocatable }) });
  const status = n.status ?? {};
  if (o.capacity !== undefined) status.capacity = o.capacity;
  const info = status.nodeInfo;
  if (info !== undefined) {
    if (o.osImage !== undefined) info.osImage = o.osImage;
    if (o.kernel !== undefined) info.kernelVersion = o.kernel;
    if (o.kubelet !== undefined) { info.kubeletVersion = o.kubelet; info.kubeProxyVersion = o.kubelet; }
    if (o.containerd !== undefined) info.containerRuntimeVersion = o.containerd;
  }
  return n;
}

const R6I_2XL = { capacity: { cpu: '8', 'ephemeral-storage': '104845292Ki', memory: '65023608Ki', pods: '58' }, allocatable: { cpu: '7910m', 'ephemeral-storage': '95551679124', memory: '63457368Ki', pods: '58' } };
const M6I_4XL = { capacity: { cpu: '16', 'ephemeral-storage': '104845292Ki', memory: '65023592Ki', pods: '234' }, allocatable: { cpu: '15890m', 'ephemeral-storage': '95551679124', memory: '63457352Ki', pods: '234' } };

/** Sets the apiVersion of an event's involvedObject (a custom resource's events). */
function onCustom(e: k8s.CoreV1Event, apiVersion: string): k8s.CoreV1Event {
  e.involvedObject.apiVersion = apiVersion;
  return e;
}

const deploymentObj = (app: Built): KubeJson => {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
};

const HEALTHY_LOOK = { revisions: [18, 19] as const, versions: ['2.7.0', '2.7.1'] as const, olderAgo: 12 * DAYS };

// ---- 1. cluster autoscaler: EC2 has no r6i.2xlarge capacity in the node group's zone --------------

function autoscalerInsufficientInstanceCapacity(): CorpusScenario {
  const ns = 'search';
  const asg = 'eks-memory-opt-r6i-2xl-a6c5e1f2-3b1d-9e0c-7f55-1c2d3e4f5a6b';
  const general = ['10.0.33.18', '10.0.71.204', '10.0.112.9', '10.0.40.77', '10.0.98.150'].map((ip, i) =>
    eksNode({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1a', 'eu-west-1b'][i] ?? 'eu-west-1a', pool: 'general', instanceType: 'm6i.xlarge', createdAgo: (12 + i) * DAYS }),
  );
  // The memory-optimised group lives in one private subnet (eu-west-1b) only.
  const memOpt = ['10.0.72.31', '10.0.75.142', '10.0.80.66', '10.0.91.213'].map((ip, i) =>
    eksNode({ name: eksNodeName(ip), zone: 'eu-west-1b', pool: 'memory-opt-r6i-2xl', instanceType: 'r6i.2xlarge', createdAgo: (20 - i) * DAYS, ...R6I_2XL }),
  );
  const nodes = [...general, ...memOpt];
  const memNames = memOpt.map(nameOf);
  const image = `${ECR}/search/search-indexer:4.12.0`;
  const tpl = { containers: [container({ image, ports: [8080, { name: 'metrics', containerPort: 9404 }], cpu: '3', memory: '24Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] };
  const unschedulable = '0/9 nodes are available: 9 Insufficient memory. preemption: 0/9 nodes are available: 9 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'search-indexer',
    replicas: 14,
    revisions: [
      { revision: 22, createdAgo: 30 * DAYS, changeCause: 'argocd: search-indexer 4.11.3', template: { containers: [container({ image: `${ECR}/search/search-indexer:4.11.3`, cpu: '3', memory: '24Gi' })] } },
      { revision: 23, createdAgo: 9 * DAYS, changeCause: 'argocd: search-indexer 4.12.0', template: tpl },
    ],
    pods: [
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((k) => ({ revision: 23, node: memNames[k % 4] ?? '', createdAgo: (9 * DAYS) - 3 - k * 40 })),
      ...[0, 1, 2, 3, 4, 5].map((k) => ({ revision: 23, node: null, createdAgo: 25 - k * 0.02, unschedulable, containers: { app: waiting('ContainerCreating') } })),
    ],
    settled: { available: false, availableSince: 24.5, progressingSince: 9 * DAYS - 10 },
  });
  const pending = app.pods.slice(8);
  const hpaObj: k8s.V2HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'search-indexer', namespace: ns, uid: uidOf(`hpa/${ns}/search-indexer`), creationTimestamp: ago(200 * DAYS) },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'search-indexer' }, minReplicas: 4, maxReplicas: 20, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 65 } } }] },
    status: {
      currentReplicas: 14,
      desiredReplicas: 14,
      lastScaleTime: ago(25),
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 91, averageValue: '2735m' } } }],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation', lastTransitionTime: ago(25) },
        { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(200 * DAYS) },
        { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(3 * DAYS) },
      ],
    },
  };
  const other = bystander(ns, 'search-api', general.map(nameOf), 58, HEALTHY_LOOK);
  // The cluster autoscaler (kube-system) and its status ConfigMap.
  const caImage = 'registry.k8s.io/autoscaling/cluster-autoscaler:v1.31.1';
  const ca = deploymentApp({
    namespace: 'kube-system',
    name: 'cluster-autoscaler',
    replicas: 1,
    selector: { 'app.kubernetes.io/name': 'aws-cluster-autoscaler' },
    revisions: [{ revision: 6, createdAgo: 35 * DAYS, template: { containers: [container({ name: 'aws-cluster-autoscaler', image: caImage, command: ['./cluster-autoscaler', '--cloud-provider=aws', '--namespace=kube-system', '--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/prod-eu-west-1', '--expander=least-waste', '--balance-similar-node-groups', '--skip-nodes-with-system-pods=false'], ports: [{ name: 'http', containerPort: 8085 }], cpu: '100m', memory: '600Mi', readiness: null, liveness: httpProbe('/health-check', 8085) })], serviceAccountName: 'cluster-autoscaler', priorityClassName: 'system-cluster-critical' } }],
    pods: [{ revision: 6, node: general[0] ? nameOf(general[0]) : '', createdAgo: 35 * DAYS }],
  });
  const caPod = podOf(ca, 0);
  const plan = `[{${asg} 4->7 (max: 12)}]`;
  const ice = 'We currently do not have sufficient r6i.2xlarge capacity in the Availability Zone you requested (eu-west-1b). Our system will be working on provisioning additional capacity. You can currently get r6i.2xlarge capacity by not specifying an Availability Zone in your request or choosing eu-west-1a, eu-west-1c.';
  const attempt = (t: number, backoffMin: number): string[] => [
    klog('I', t, 'orchestrator.go:185', 'Best option to resize: ' + asg),
    klog('I', t, 'orchestrator.go:189', 'Estimated 3 nodes needed in ' + asg),
    klog('I', t, 'orchestrator.go:303', 'Final scale-up plan: ' + plan),
    klog('I', t, 'executor.go:147', `Scale-up: setting group ${asg} size to 7`),
    klog('I', t, 'auto_scaling_groups.go:267', `Setting asg ${asg} size to 7`),
    klog('I', t - 0.6, 'eventing_scale_up_processor.go:47', 'Skipping event processing for unschedulable pods since there is a ScaleUp attempt this loop'),
    klog('W', t - 2.4, 'auto_scaling_groups.go:445', `Instance group ${asg} cannot provision any more nodes: InsufficientInstanceCapacity: ${ice} Launching EC2 instance failed.`),
    klog('W', t - 2.4, 'clusterstate.go:1084', `Failed adding 3 nodes (3 unseen previously) to group ${asg} due to OutOfResource.placeholder-cannot-be-fulfilled; errorClass=OutOfResource; errorCode=placeholder-cannot-be-fulfilled`),
    klog('E', t - 2.4, 'clusterstate.go:327', `Failed to increase node group size ${asg}: InsufficientInstanceCapacity: ${ice}`),
    klog('W', t - 2.4, 'clusterstate.go:346', `Disabling scale-up for node group ${asg} until ${ago(t - 2.4 - backoffMin).toISOString().replace('T', ' ').replace(/\.\d+Z/, ' +0000 UTC')}; errorClass=OutOfResource; errorCode=placeholder-cannot-be-fulfilled`),
    klog('I', t - 2.5, 'auto_scaling_groups.go:174', `Setting asg ${asg} size to 4`),
  ];
  const backedOff = (t: number): string[] => [
    klog('I', t, 'klogx.go:87', `Pod search/${nameOf(pending[0])} is unschedulable`),
    klog('I', t, 'orchestrator.go:565', `Pod ${nameOf(pending[0])} can't be scheduled on ${asg}, predicate checking error: node group is in backoff; predicateName=; reasons: in backoff after failed scale-up`),
    klog('I', t, 'orchestrator.go:565', `Pod ${nameOf(pending[0])} can't be scheduled on eks-general-9e21c4d0-7a55-4b3e-bc71-5d0f3a2e8c19, predicate checking error: Insufficient memory; predicateName=NodeResourcesFit; reasons: Insufficient memory; debugInfo=`),
    klog('I', t, 'orchestrator.go:94', 'No expansion options'),
  ];
  const caLog = lines(
    ...attempt(24.6, 5), ...backedOff(18), ...attempt(16.1, 10), ...backedOff(8), ...attempt(4.2, 20), ...backedOff(0.4),
    klog('I', 0.3, 'static_autoscaler.go:712', 'Scale down status: lastScaleUpTime=2026-11-21 03:09:48 +0000 UTC lastScaleDownDeleteTime=2026-11-20 22:41:07 +0000 UTC lastScaleDownFailTime=2026-11-20 19:02:55 +0000 UTC scaleDownForbidden=false scaleDownInCooldown=true'),
  );
  const status = configMap({
    namespace: 'kube-system',
    name: 'cluster-autoscaler-status',
    createdAgo: 35 * DAYS,
    updatedAgo: 0.2,
    data: {
      status: [
        `time: ${ago(0.2).toISOString().replace('T', ' ').replace('Z', ' +0000 UTC')}`,
        'autoscalerStatus: Running',
        'clusterWide:',
        '  health:',
        '    status: Healthy',
        '    nodeCounts:',
        '      registered: {total: 9, ready: 9, notStarted: 0}',
        '      longUnregistered: 0',
        '      unregistered: 0',
        '  scaleUp:',
        '    status: NoActivity',
        '  scaleDown:',
        '    status: NoCandidates',
        'nodeGroups:',
        `- name: ${asg}`,
        '  health:',
        '    status: Healthy',
        '    nodeCounts:',
        '      registered: {total: 4, ready: 4, notStarted: 0}',
        '    cloudProviderTarget: 4',
        '    minSize: 2',
        '    maxSize: 12',
        '  scaleUp:',
        '    status: Backoff',
        '    backoffInfo:',
        '      errorCode: placeholder-cannot-be-fulfilled',
        `      errorMessage: 'InsufficientInstanceCapacity: ${ice}'`,
        '- name: eks-general-9e21c4d0-7a55-4b3e-bc71-5d0f3a2e8c19',
        '  health:',
        '    status: Healthy',
        '    nodeCounts:',
        '      registered: {total: 5, ready: 5, notStarted: 0}',
        '    cloudProviderTarget: 5',
        '    minSize: 3',
        '    maxSize: 10',
        '  scaleUp:',
        '    status: NoActivity',
      ].join('\n'),
    },
  });
  const statusRef = { kind: 'ConfigMap', name: 'cluster-autoscaler-status', namespace: 'kube-system' };
  const podEvents = pending.flatMap((p) => [
    failedScheduling(p, unschedulable, { count: 9, firstAgo: 24.9, lastAgo: 1.1 }),
    event({ on: p, type: 'Normal', reason: 'TriggeredScaleUp', message: `pod triggered scale-up: ${plan}`, count: 3, firstAgo: 24.6, lastAgo: 4.2, component: 'cluster-autoscaler' }),
    notTriggerScaleUp(p, '1 Insufficient memory, 1 in backoff after failed scale-up', { count: 14, firstAgo: 21.9, lastAgo: 0.4 }),
  ]);
  const logLine = (t: number, msg: string) => `${at(t).replace('T', ' ').replace('Z', '')}  INFO 1 --- [indexer-pool-3] c.a.search.indexer.BatchIndexer          : ${msg}`;
  return {
    id: 'heldout19-autoscaler-insufficient-instance-capacity',
    class: 'capacity',
    truth: 'At 02:49 the search-indexer HPA scaled the Deployment from 8 to 14 replicas on CPU. The six new pods (24Gi memory requests each) fit on none of the 9 nodes (Insufficient memory), so the cluster autoscaler asked the memory-opt-r6i-2xl node group (an ASG in the eu-west-1b subnet only) to grow 4 -> 7, three times. EC2 refused every launch with InsufficientInstanceCapacity: no r6i.2xlarge capacity in eu-west-1b; the autoscaler backed the group off and no node ever joined, so the pods stay Pending and the indexer runs at 8 of 14. Nodes and pods that run are healthy; it is not a leak nor a quota. Fix: give the node group more instance types (r6a/r5/r7i.2xlarge) and the eu-west-1a/1c subnets (or a Karpenter pool with flexible types).',
    ask: { service: 'search-indexer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, hpaObj, ...other.objects, ...ca.objects, status,
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: other.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'search-indexer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 14; reason: cpu resource utilization (percentage of request) above target', firstAgo: 25, lastAgo: 25, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentObj(app), rsOf(app, 23), 14, 8, 25),
      ...pending.map((p) => event({ on: { kind: 'ReplicaSet', name: rsOf(app, 23), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: 25, lastAgo: 25, component: 'replicaset-controller' })),
      ...podEvents,
      event({ on: statusRef, type: 'Normal', reason: 'ScaledUpGroup', message: `Scale-up: setting group ${asg} size to 7 instead of 4 (max: 12)`, count: 3, firstAgo: 24.6, lastAgo: 4.2, component: 'cluster-autoscaler' }),
      event({ on: statusRef, type: 'Normal', reason: 'ScaledUpGroup', message: `Scale-up: group ${asg} size set to 7 instead of 4 (max: 12)`, count: 3, firstAgo: 24.6, lastAgo: 4.2, component: 'cluster-autoscaler' }),
      event({ on: statusRef, reason: 'ScaleUpFailed', message: `Failed adding 3 nodes to group ${asg} due to OutOfResource.placeholder-cannot-be-fulfilled; source errors: InsufficientInstanceCapacity: ${ice}`, count: 3, firstAgo: 22.2, lastAgo: 1.8, component: 'cluster-autoscaler' }),
      // Noise: the bystander's rollout an hour ago, and a node replaced yesterday.
      nodeEvent(nameOf(general[4]), 'NodeReady', `Node ${nameOf(general[4])} status is now: NodeReady`, { firstAgo: 20 * HOURS }),
    ],
    logs: [
      logsFor(caPod, 'aws-cluster-autoscaler', { current: caLog }),
      ...app.pods.slice(0, 8).map((p) => logsFor(p, 'app', { current: lines(logLine(2.1, 'indexed batch 88213 (5000 docs) in 4180 ms, lag=1742551 docs'), logLine(0.6, 'indexed batch 88214 (5000 docs) in 4307 ms, lag=1761208 docs')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/InsufficientInstanceCapacity|r6i\.2xlarge capacity|(instance|ec2|aws)[^\n]*capacity|capacity[^\n]*(eu-west-1b|zone)|(autoscaler|node group|scale-?up)[^\n]*(fail|cannot|can't|backoff|refus)/i],
      facts: [/InsufficientInstanceCapacity|do not have sufficient r6i\.2xlarge capacity/, /eu-west-1b/, /Insufficient memory/, /memory-opt|eks-memory-opt-r6i-2xl/, /instance types?|other (zones?|AZs?|subnets?)|eu-west-1a|eu-west-1c|availability zones?/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /memory leak/i, /quota/i, /search-api/],
    },
  };
}

// ---- 2. Linkerd: the trust anchor and issuer expired, restarted proxies get no identity -------------

function linkerdTrustAnchorExpired(): CorpusScenario {
  const ns = 'storefront';
  const expiry = ago(60);
  const expiryText = expiry.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const oldNodes = ['10.0.36.140', '10.0.119.27'].map((ip, i) => eksNode({ name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1c', pool: 'general', instanceType: 'm6i.xlarge', createdAgo: 18 * DAYS }));
  const newNodes = ['10.0.66.201', '10.0.88.54'].map((ip, i) => eksNode({ name: eksNodeName(ip), zone: 'eu-west-1b', pool: 'general', instanceType: 'm6i.xlarge', createdAgo: 24 - i }));
  const nodes = [...oldNodes, ...newNodes];
  const [o1, o2] = oldNodes.map(nameOf);
  const [n1, n2] = newNodes.map(nameOf);
  const image = `${ECR}/storefront/checkout-web:3.8.2`;
  const tpl = {
    containers: [container({ image, ports: [3000], memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'CART_URL', value: 'http://cart-api.storefront.svc.cluster.local' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 15 }) })],
    annotations: { 'linkerd.io/inject': 'enabled', 'config.linkerd.io/proxy-await': 'disabled' },
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'checkout-web',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: checkout-web 3.8.1', template: { ...tpl, containers: [container({ image: `${ECR}/storefront/checkout-web:3.8.1`, ports: [3000], memory: '512Mi' })] } },
      { revision: 58, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout-web 3.8.2', template: tpl },
    ],
    pods: [
      { revision: 58, node: o1 ?? '', createdAgo: 6 * DAYS },
      { revision: 58, node: o2 ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 58, node: n1 ?? '', createdAgo: 20.5, ready: false },
      { revision: 58, node: n2 ?? '', createdAgo: 19.8, ready: false },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS - 3 },
  });
  const proxyVersion = 'stable-2.14.10';
  const proxyImage = 'cr.l5d.io/linkerd/proxy:' + proxyVersion;
  const proxy = container({
    name: 'linkerd-proxy',
    image: proxyImage,
    ports: [{ name: 'linkerd-proxy', containerPort: 4143 }, { name: 'linkerd-admin', containerPort: 4191 }],
    cpu: '100m',
    memory: '20Mi',
    memoryLimit: '250Mi',
    env: [
      { name: 'LINKERD2_PROXY_IDENTITY_DIR', value: '/var/run/linkerd/identity/end-entity' },
      { name: 'LINKERD2_PROXY_IDENTITY_SVC_ADDR', value: 'linkerd-identity-headless.linkerd.svc.cluster.local.:8080' },
      { name: 'LINKERD2_PROXY_IDENTITY_SVC_NAME', value: 'linkerd-identity.linkerd.serviceaccount.identity.linkerd.cluster.local' },
      { name: 'LINKERD2_PROXY_IDENTITY_LOCAL_NAME', value: '$(_pod_sa).$(_pod_ns).serviceaccount.identity.linkerd.cluster.local' },
      { name: 'LINKERD2_PROXY_DESTINATION_SVC_ADDR', value: 'linkerd-dst-headless.linkerd.svc.cluster.local.:8086' },
    ],
    readiness: httpProbe('/ready', 4191, { initialDelaySeconds: 2 }),
    liveness: httpProbe('/live', 4191, { initialDelaySeconds: 10 }),
    volumeMounts: [{ name: 'linkerd-identity-end-entity', mountPath: '/var/run/linkerd/identity/end-entity' }],
    securityContext: { runAsUser: 2102, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
  });
  const init = batchContainer({ name: 'linkerd-init', image: 'cr.l5d.io/linkerd/proxy-init:v2.2.3', args: ['--incoming-proxy-port', '4143', '--outgoing-proxy-port', '4140', '--proxy-uid', '2102', '--inbound-ports-to-ignore', '4190,4191,4567,4568', '--outbound-ports-to-ignore', '4567,4568'], cpu: '100m', memory: '20Mi', securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] }, runAsUser: 65534, runAsNonRoot: true } });
  app.pods.forEach((p, i) => {
    const fresh = i >= 2;
    const created = fresh ? (i === 2 ? 20.5 : 19.8) : 6 * DAYS - (i === 1 ? 2 : 0);
    p.metadata = {
      ...p.metadata,
      labels: { ...p.metadata?.labels, 'linkerd.io/control-plane-ns': 'linkerd', 'linkerd.io/proxy-deployment': 'checkout-web', 'linkerd.io/workload-ns': ns },
      annotations: { ...p.metadata?.annotations, 'linkerd.io/created-by': `linkerd/proxy-injector ${proxyVersion}`, 'linkerd.io/proxy-version': proxyVersion, 'linkerd.io/identity-mode': 'default', 'linkerd.io/trust-root-sha256': 'a1e8f0c6b2e54a3e8d6c1f27b5a04e98c3d1f6a7b2e9c4d05f8a1b3c6e7d9f20' },
    };
    if (p.spec) p.spec = { ...p.spec, initContainers: [init], containers: [proxy, ...p.spec.containers], volumes: [...(p.spec.volumes ?? []), { name: 'linkerd-identity-end-entity', emptyDir: { medium: 'Memory' } }, { name: 'linkerd-proxy-init-xtables-lock', emptyDir: {} }] };
    const seed = `${ns}/${nameOf(p)}`;
    if (p.status) {
      p.status.initContainerStatuses = [{ ...containerStatus(init, { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(created - 0.05), finishedAt: ago(created - 0.1), containerID: `containerd://${uidOf(seed + 'init').replace(/-/g, '')}` } }, ready: true, restartCount: 0 }, seed) }];
      p.status.containerStatuses = [containerStatus(proxy, running({ sinceAgo: created - 0.15, ready: !fresh }), seed), ...(p.status.containerStatuses ?? [])];
      if (fresh) for (const c of p.status.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') { c.status = 'False'; c.reason = 'ContainersNotReady'; c.message = 'containers with unready status: [linkerd-proxy]'; }
    }
  });
  const [old1, old2, fresh1, fresh2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  // The control plane: linkerd-identity was not rotated (one replica, on an old node, up for 40 days).
  const identity = deploymentApp({
    namespace: 'linkerd',
    name: 'linkerd-identity',
    replicas: 1,
    selector: { 'linkerd.io/control-plane-component': 'identity' },
    revisions: [{ revision: 4, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'identity', image: 'cr.l5d.io/linkerd/controller:' + proxyVersion, args: ['identity', '-log-level=info', '-log-format=plain', '-controller-namespace=linkerd', '-identity-trust-domain=cluster.local', '-identity-issuance-lifetime=24h0m0s', '-identity-clock-skew-allowance=20s', '-identity-scheme=linkerd.io/tls'], ports: [{ name: 'grpc', containerPort: 8080 }, { name: 'admin-http', containerPort: 9990 }], cpu: '100m', memory: '50Mi', memoryLimit: '250Mi', readiness: httpProbe('/ready', 9990), liveness: httpProbe('/ping', 9990, { initialDelaySeconds: 10 }) })], serviceAccountName: 'linkerd-identity' } }],
    pods: [{ revision: 4, node: o2 ?? '', createdAgo: 40 * DAYS }],
  });
  const destination = deploymentApp({
    namespace: 'linkerd',
    name: 'linkerd-destination',
    replicas: 1,
    selector: { 'linkerd.io/control-plane-component': 'destination' },
    revisions: [{ revision: 4, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'destination', image: 'cr.l5d.io/linkerd/controller:' + proxyVersion, ports: [{ name: 'grpc', containerPort: 8086 }], cpu: '100m', memory: '50Mi', readiness: httpProbe('/ready', 9996), liveness: httpProbe('/ping', 9996) })], serviceAccountName: 'linkerd-destination' } }],
    pods: [{ revision: 4, node: o1 ?? '', createdAgo: 40 * DAYS }],
  });
  const idPod = podOf(identity, 0);
  const idIp = idPod.status?.podIP ?? '10.0.20.15';
  const x509 = (t: number) => `x509: certificate has expired or is not yet valid: current time ${goTime(t)} is after ${expiryText}`;
  const identityLog = lines(
    `time="${goTime(75)}" level=info msg="certifying web.storefront.serviceaccount.identity.linkerd.cluster.local until ${ago(75 - 24 * 60).toISOString().replace('T', ' ').replace(/\.\d+Z/, ' +0000 UTC')}"`,
    `time="${goTime(70)}" level=info msg="certifying cart-api.storefront.serviceaccount.identity.linkerd.cluster.local until ${ago(70 - 24 * 60).toISOString().replace('T', ' ').replace(/\.\d+Z/, ' +0000 UTC')}"`,
    `time="${goTime(59.9)}" level=warning msg="issuer certificate for identity.linkerd.cluster.local is no longer valid with the trust anchors: ${x509(59.9)}"`,
    `time="${goTime(48)}" level=error msg="Failed to issue certificate for prometheus.linkerd-viz.serviceaccount.identity.linkerd.cluster.local: issuer certificate is not valid: ${x509(48)}"`,
    `time="${goTime(20.3)}" level=error msg="Failed to issue certificate for default.storefront.serviceaccount.identity.linkerd.cluster.local: issuer certificate is not valid: ${x509(20.3)}"`,
    `time="${goTime(0.8)}" level=error msg="Failed to issue certificate for default.storefront.serviceaccount.identity.linkerd.cluster.local: issuer certificate is not valid: ${x509(0.8)}"`,
  );
  const proxyLog = (up: number) => {
    const rel = (s: number) => `[${s.toFixed(6).padStart(13)}s]`;
    const ctl = `identity:identity{server.addr=linkerd-identity-headless.linkerd.svc.cluster.local:8080}:controller{addr=linkerd-identity-headless.linkerd.svc.cluster.local:8080}:endpoint{addr=${idIp}:8080}`;
    return lines(
      `${rel(0.002211)}  INFO ThreadId(01) linkerd2_proxy: release 2.224.0 (0c3fe39) by linkerd on 2024-04-17T20:11:58Z`,
      `${rel(0.003905)}  INFO ThreadId(01) linkerd2_proxy: Admin interface on 0.0.0.0:4191`,
      `${rel(0.003917)}  INFO ThreadId(01) linkerd2_proxy: Inbound interface on 0.0.0.0:4143`,
      `${rel(0.003920)}  INFO ThreadId(01) linkerd2_proxy: Outbound interface on 127.0.0.1:4140`,
      `${rel(0.003922)}  INFO ThreadId(01) linkerd2_proxy: Tap interface on 0.0.0.0:4190`,
      `${rel(0.003925)}  INFO ThreadId(01) linkerd2_proxy: Local identity is default.storefront.serviceaccount.identity.linkerd.cluster.local`,
      `${rel(0.003928)}  INFO ThreadId(01) linkerd2_proxy: Identity verified via linkerd-identity-headless.linkerd.svc.cluster.local:8080 (linkerd-identity.linkerd.serviceaccount.identity.linkerd.cluster.local)`,
      `${rel(0.003931)}  INFO ThreadId(01) linkerd2_proxy: Destinations resolved via linkerd-dst-headless.linkerd.svc.cluster.local:8086 (linkerd-destination.linkerd.serviceaccount.identity.linkerd.cluster.local)`,
      `${rel(0.011342)}  WARN ThreadId(02) ${ctl}: linkerd_reconnect: Failed to connect error=invalid peer certificate: Expired`,
      `${rel(0.223871)}  WARN ThreadId(02) ${ctl}: linkerd_reconnect: Failed to connect error=invalid peer certificate: Expired`,
      `${rel(15.005873)}  WARN ThreadId(01) linkerd_app: Waiting for identity to be initialized...`,
      `${rel(30.007144)}  WARN ThreadId(01) linkerd_app: Waiting for identity to be initialized...`,
      `${rel(up - 3.1)}  WARN ThreadId(02) ${ctl}: linkerd_reconnect: Failed to connect error=invalid peer certificate: Expired`,
      `${rel(up - 0.2)}  WARN ThreadId(01) linkerd_app: Waiting for identity to be initialized...`,
    );
  };
  const appLog = (t: number) => lines(
    `{"level":30,"time":${ago(t).getTime()},"pid":1,"hostname":"checkout-web","msg":"checkout-web 3.8.2 listening on :3000"}`,
    `{"level":40,"time":${ago(t - 0.5).getTime()},"pid":1,"hostname":"checkout-web","msg":"cart-api warmup failed, will retry lazily","err":{"type":"Error","message":"connect ECONNREFUSED 127.0.0.1:4140","code":"ECONNREFUSED"}}`,
  );
  const other = bystander(ns, 'cart-api', [o1 ?? '', n1 ?? ''], 52, HEALTHY_LOOK);
  return {
    id: 'heldout19-linkerd-trust-anchor-expired',
    class: 'network',
    truth: 'The Linkerd trust anchor and the identity issuer certificate created at install time with a one-year validity expired at 02:14 (an hour ago); nobody had rotated them. linkerd-identity can no longer issue workload certificates, and newly started proxies reject its expired chain (invalid peer certificate: Expired), so they never get an identity and their /ready stays 503. The node rotation 20 minutes ago restarted two of the four checkout-web pods: their linkerd-proxy containers stay unready and the pods are out of the Service, while the two pods not restarted keep serving with their existing proxies. Same revision 58 everywhere; the app container is fine. Fix: rotate the trust anchor and issuer (linkerd upgrade --identity-trust-anchors-file / --identity-issuer-*), restart linkerd-identity, then the meshed workloads.',
    ask: { service: 'checkout-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...identity.objects, ...destination.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout-web', selector: { app: 'checkout-web' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      ...exposed({ namespace: 'linkerd', name: 'linkerd-identity', selector: { 'linkerd.io/control-plane-component': 'identity' }, pods: identity.pods, ports: [{ name: 'grpc', port: 8080, targetPort: 8080 }] }),
      configMap({ namespace: 'linkerd', name: 'linkerd-identity-trust-roots', createdAgo: 365 * DAYS + 61, data: { 'ca-bundle.crt': '-----BEGIN CERTIFICATE-----\nMIIBjjCCATOgAwIBAgIQH0nQ0F1yP3nT6v9kE7mT4jAKBggqhkjOPQQDAjAlMSMw\nIQYDVQQDExpyb290LmxpbmtlcmQuY2x1c3Rlci5sb2NhbDAeFw0yNTExMjEwMjE0\nMDBaFw0yNjExMjEwMjE0MDBaMCUxIzAhBgNVBAMTGnJvb3QubGlua2VyZC5jbHVz\ndGVyLmxvY2FsMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END CERTIFICATE-----\n' } }),
      // The node rotation that restarted two pods.
      ...[n1, n2].map((n) => nodeEvent(n ?? '', 'NodeReady', `Node ${n ?? ''} status is now: NodeReady`, { firstAgo: 23 })),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 58), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(fresh1)}`, firstAgo: 20.5, lastAgo: 20.5, component: 'replicaset-controller' }),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 58), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(fresh2)}`, firstAgo: 19.8, lastAgo: 19.8, component: 'replicaset-controller' }),
      ...[fresh1, fresh2].flatMap((p, i) => {
        const t = i === 0 ? 20.5 : 19.8;
        return [
          scheduled(p, t),
          event({ on: p, type: 'Normal', reason: 'Pulled', message: 'Container image "cr.l5d.io/linkerd/proxy-init:v2.2.3" already present on machine', firstAgo: t - 0.05, lastAgo: t - 0.05, fieldPath: 'spec.initContainers{linkerd-init}' }),
          event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container linkerd-init', firstAgo: t - 0.05, lastAgo: t - 0.05, fieldPath: 'spec.initContainers{linkerd-init}' }),
          event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container linkerd-init', firstAgo: t - 0.05, lastAgo: t - 0.05, fieldPath: 'spec.initContainers{linkerd-init}' }),
          ...restartedAgain(p, 'linkerd-proxy', proxyImage, { count: 1, firstAgo: t - 0.1, lastAgo: t - 0.1 }),
          ...restartedAgain(p, 'app', image, { count: 1, firstAgo: t - 0.1, lastAgo: t - 0.1 }),
          probeFailed(p, 'linkerd-proxy', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: Math.round(t * 6) - 1, firstAgo: t - 0.12, lastAgo: 0.1 }),
        ];
      }),
      // Noise: an old readiness blip on a pod that is fine.
      probeFailed(old1, 'app', 'Readiness', `Get "http://${old1.status?.podIP ?? ''}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 0.2 }),
    ],
    logs: [
      logsFor(fresh1, 'linkerd-proxy', { current: proxyLog(20.3 * 60) }),
      logsFor(fresh2, 'linkerd-proxy', { current: proxyLog(19.6 * 60) }),
      logsFor(fresh1, 'app', { current: appLog(20.3) }),
      logsFor(fresh2, 'app', { current: appLog(19.6) }),
      ...[old1, old2].map((p) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${ago(0.7).getTime()},"pid":1,"hostname":"checkout-web","req":{"method":"POST","url":"/api/checkout"},"res":{"statusCode":200},"responseTime":87,"msg":"request completed"}`) })),
      logsFor(idPod, 'identity', { current: identityLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/linkerd|identity|trust ?anchor|issuer|mesh/i, /expir|certificate|cert\b|x509/i],
      facts: [/linkerd-proxy/, /linkerd-identity/, /expired|Expired|not yet valid/, /trust ?anchor|issuer|certificate/i, /rotat|renew|new (trust anchor|issuer|certificate)/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /cart-api/, /ECONNREFUSED[^\n]*cause|cart-api[^\n]*(down|unavailable)/i],
    },
  };
}

// ---- 3. KEDA cannot log in to RabbitMQ: the worker, scaled to zero overnight, never wakes ----------

function kedaScalerAuthWorkerAtZero(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '187', '95']);
  const image = `${ECR}/billing/invoice-worker:5.2.0`;
  const workerTpl = { containers: [batchContainer({ name: 'worker', image, cpu: '500m', memory: '768Mi', envFrom: [{ secretRef: { name: 'invoice-worker-amqp' } }] })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-worker',
    replicas: 0,
    revisions: [
      { revision: 13, createdAgo: 30 * DAYS, changeCause: 'argocd: invoice-worker 5.1.4', template: { containers: [batchContainer({ name: 'worker', image: `${ECR}/billing/invoice-worker:5.1.4`, cpu: '500m', memory: '768Mi' })] } },
      { revision: 14, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-worker 5.2.0', template: workerTpl },
    ],
    pods: [],
  });
  const keda = { 'app.kubernetes.io/managed-by': 'keda-operator', 'app.kubernetes.io/name': 'keda-hpa-invoice-worker', 'app.kubernetes.io/part-of': 'invoice-worker', 'app.kubernetes.io/version': '2.15.1', 'scaledobject.keda.sh/name': 'invoice-worker' };
  const hpaObj: k8s.V2HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: 'keda-hpa-invoice-worker',
      namespace: ns,
      uid: uidOf(`hpa/${ns}/keda-hpa-invoice-worker`),
      creationTimestamp: ago(200 * DAYS),
      labels: keda,
      ownerReferences: [{ apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', name: 'invoice-worker', uid: uidOf(`scaledobject/${ns}/invoice-worker`), controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'invoice-worker' },
      minReplicas: 1,
      maxReplicas: 20,
      metrics: [{ type: 'External', external: { metric: { name: 's0-rabbitmq-invoices-generate', selector: { matchLabels: { 'scaledobject.keda.sh/name': 'invoice-worker' } } }, target: { type: 'AverageValue', averageValue: '50' } } }],
    },
    status: {
      currentReplicas: 0,
      desiredReplicas: 0,
      lastScaleTime: ago(20 * HOURS),
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale", lastTransitionTime: ago(55) },
        { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero', lastTransitionTime: ago(55) },
      ],
    },
  };
  // The producer and the broker, in the same namespace.
  const scheduler = deploymentApp({
    namespace: ns,
    name: 'invoice-scheduler',
    replicas: 1,
    revisions: [{ revision: 8, createdAgo: 21 * DAYS, changeCause: 'argocd: invoice-scheduler 1.9.0', template: { containers: [container({ name: 'scheduler', image: `${ECR}/billing/invoice-scheduler:1.9.0`, ports: [8000], memory: '256Mi', envFrom: [{ secretRef: { name: 'invoice-scheduler-amqp' } }] })] } }],
    pods: [{ revision: 8, node: names[0] ?? '', createdAgo: 21 * DAYS }],
  });
  const rabbit = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 1,
    serviceName: 'rabbitmq-headless',
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: 'docker.io/library/rabbitmq:3.13.7-management', ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }], cpu: '1', memory: '2Gi', readiness: tcpProbe(5672), liveness: { exec: { command: ['rabbitmq-diagnostics', '-q', 'ping'] }, periodSeconds: 30, timeoutSeconds: 20, successThreshold: 1, failureThreshold: 3 }, volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: names[1] ?? '', createdAgo: 34 * DAYS }],
  });
  const kedaOp = deploymentApp({
    namespace: 'keda',
    name: 'keda-operator',
    replicas: 1,
    selector: { app: 'keda-operator' },
    revisions: [{ revision: 5, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'keda-operator', image: 'ghcr.io/kedacore/keda:2.15.1', args: ['--leader-elect', '--disable-compression=true', '--zap-log-level=info', '--zap-encoder=console', '--zap-time-encoding=rfc3339'], ports: [{ name: 'http', containerPort: 8080 }, { name: 'metricsservice', containerPort: 9666 }], cpu: '100m', memory: '100Mi', memoryLimit: '1000Mi', readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 25 }) })], serviceAccountName: 'keda-operator' } }],
    pods: [{ revision: 5, node: names[2] ?? '', createdAgo: 60 * DAYS }],
  });
  const rotation = job({
    namespace: ns,
    name: 'rabbitmq-credential-rotation-29390541',
    createdAgo: 40.4,
    template: { containers: [batchContainer({ name: 'rotate', image: `${ECR}/platform/secret-rotator:0.7.2`, args: ['--broker=rabbitmq.billing.svc:15672', '--user=invoice-worker', '--secret=invoice-worker-amqp', '--key=AMQP_URL'], memory: '64Mi' })], serviceAccountName: 'secret-rotator' },
    pods: [{ node: names[0] ?? '', createdAgo: 40.4, phase: 'Succeeded', containers: { rotate: terminated({ exitCode: 0, finishedAgo: 40.1, ranSeconds: 9 }) } }],
    outcome: { complete: true, ago: 40.1 },
  });
  const kedaPod = podOf(kedaOp, 0);
  const kedaIp = kedaPod.status?.podIP ?? '10.0.140.60';
  const rabbitPod = podOf(rabbit, 0);
  const rabbitIp = rabbitPod.status?.podIP ?? '10.0.140.61';
  const amqpErr = 'Exception (403) Reason: "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile."';
  const soRef = { kind: 'ScaledObject', name: 'invoice-worker', namespace: ns };
  const zap = (t: number, level: string, logger: string, msg: string, kv: string) => `${goTime(t)}\t${level}\t${logger}\t${msg}\t${kv}`;
  const soKv = (extra = '') => `{"type": "ScaledObject", "namespace": "billing", "name": "invoice-worker"${extra}}`;
  const kedaLog = lines(
    zap(56, 'INFO', 'scaleexecutor', 'Successfully set ScaleTarget replicas count to ScaledObject minReplicaCount', soKv(', "Original Replicas Count": 2, "New Replicas Count": 0')),
    zap(39.6, 'ERROR', 'scale_handler', 'error getting scale decision', soKv(`, "scaler": "rabbitMQScaler", "error": "error establishing rabbitmq connection: ${amqpErr.replace(/"/g, '\\"')}"`)),
    'github.com/kedacore/keda/v2/pkg/scaling.(*scaleHandler).checkScalers',
    '\t/workspace/pkg/scaling/scale_handler.go:360',
    zap(39.6, 'INFO', 'scaleexecutor', 'ScaledObject has no active triggers and some triggers failed, keeping current replicas', soKv(', "Current Replicas": 0')),
    zap(20.1, 'ERROR', 'scale_handler', 'error getting scale decision', soKv(`, "scaler": "rabbitMQScaler", "error": "error establishing rabbitmq connection: ${amqpErr.replace(/"/g, '\\"')}"`)),
    zap(0.4, 'ERROR', 'scale_handler', 'error getting scale decision', soKv(`, "scaler": "rabbitMQScaler", "error": "error establishing rabbitmq connection: ${amqpErr.replace(/"/g, '\\"')}"`)),
    'github.com/kedacore/keda/v2/pkg/scaling.(*scaleHandler).checkScalers',
    '\t/workspace/pkg/scaling/scale_handler.go:360',
  );
  const rmqTime = (t: number) => `${at(t).replace('T', ' ').replace('Z', '')}318+00:00`;
  const refused = (t: number, port: number, pid: string, user: string) => [
    `${rmqTime(t)} [info] <0.${pid}.0> accepting AMQP connection ${kedaIp}:${port} -> ${rabbitIp}:5672`,
    `${rmqTime(t)} [error] <0.${pid}.0> Error on AMQP connection <0.${pid}.0> (${kedaIp}:${port} -> ${rabbitIp}:5672, state: starting):`,
    `${rmqTime(t)} [error] <0.${pid}.0> PLAIN login refused: user '${user}' - invalid credentials`,
  ];
  const rabbitLog = lines(
    `${rmqTime(40.2)} [info] <0.48810.0> Successfully changed password for user 'invoice-worker'`,
    ...refused(39.6, 51842, '48877', 'invoice-worker'),
    ...refused(20.1, 40312, '50215', 'invoice-worker'),
    `${rmqTime(13.8)} [info] <0.50671.0> connection 10.0.140.77:58120 -> ${rabbitIp}:5672: user 'invoice-scheduler' authenticated and granted access to vhost '/billing'`,
    ...refused(0.4, 33918, '51904', 'invoice-worker'),
  );
  const schedulerLog = lines(
    `${pyTime(14)} INFO invoice_scheduler.run: nightly run 2026-11-21 started: 31842 invoices due`,
    `${pyTime(10)} INFO invoice_scheduler.publish: published 10000 jobs to invoices.generate (queue depth 10000, consumers 0)`,
    `${pyTime(6)} INFO invoice_scheduler.publish: published 20000 jobs to invoices.generate (queue depth 20000, consumers 0)`,
    `${pyTime(2)} INFO invoice_scheduler.publish: published 31842 jobs to invoices.generate (queue depth 31842, consumers 0)`,
    `${pyTime(1.9)} WARNING invoice_scheduler.watchdog: invoices.generate has 31842 ready messages and 0 consumers; oldest message 12m old (SLA 30m)`,
  );
  return {
    id: 'heldout19-keda-scaler-auth-worker-at-zero',
    class: 'capacity',
    truth: 'invoice-worker is scaled by a KEDA ScaledObject on the RabbitMQ queue invoices.generate (minReplicaCount 0). The queue was empty overnight, so KEDA scaled the Deployment 2 -> 0 at 02:18, as designed. At 02:33 the monthly credential rotation changed the invoice-worker user\'s RabbitMQ password and updated the worker\'s Secret invoice-worker-amqp, but not keda-rabbitmq-invoice, the Secret the ScaledObject\'s TriggerAuthentication reads. Since then every KEDA poll is refused (ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN; the broker logs invalid credentials for invoice-worker), KEDA cannot see the queue and never activates the Deployment, and the HPA is disabled at zero replicas. The nightly run published 31842 jobs that no consumer reads. Fix: update keda-rabbitmq-invoice (or point the TriggerAuthentication at the rotated Secret), and scale the worker up by hand meanwhile.',
    ask: { service: 'invoice-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, hpaObj, ...scheduler.objects, ...rabbit.objects, ...kedaOp.objects, ...rotation.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rabbit.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }, { name: 'management', port: 15672, targetPort: 15672 }], endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'invoice-scheduler', selector: { app: 'invoice-scheduler' }, pods: scheduler.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentObj(app), rsOf(app, 14), 0, 2, 55.8),
      onCustom(event({ on: soRef, type: 'Normal', reason: 'KEDAScaleTargetDeactivated', message: 'Deactivated apps/v1.Deployment billing/invoice-worker from 2 to 0', firstAgo: 56, lastAgo: 56, component: 'keda-operator' }), 'keda.sh/v1alpha1'),
      onCustom(event({ on: soRef, reason: 'KEDAScalerFailed', message: `error establishing rabbitmq connection: ${amqpErr}`, count: 79, firstAgo: 39.6, lastAgo: 0.4, component: 'keda-operator' }), 'keda.sh/v1alpha1'),
      event({ on: { kind: 'Job', name: nameOf(rotation.objects.find((o) => o.kind === 'Job')), namespace: ns }, type: 'Normal', reason: 'Completed', message: 'Job completed', firstAgo: 40.1, lastAgo: 40.1, component: 'job-controller' }),
      // Noise: yesterday's daytime scale-down of the worker.
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'keda-hpa-invoice-worker', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 2; reason: All metrics below target', firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, component: 'horizontal-pod-autoscaler' }),
    ],
    logs: [
      logsFor(kedaPod, 'keda-operator', { current: kedaLog }),
      logsFor(rabbitPod, 'rabbitmq', { current: rabbitLog }),
      logsFor(podOf(scheduler, 0), 'scheduler', { current: schedulerLog }),
      logsFor(podOf(rotation, 0), 'rotate', { current: lines(`${at(40.3)} INFO rotated password for rabbitmq user invoice-worker (vhost /billing)`, `${at(40.2)} INFO updated Secret billing/invoice-worker-amqp key AMQP_URL`, `${at(40.1)} INFO done`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/KEDA|ScaledObject|scaler|rabbit|queue/i, /ACCESS_REFUSED|auth|credential|login|password|secret|refused/i],
      facts: [/ACCESS_REFUSED|Login was refused|invalid credentials/, /\b0 (replicas|pods)|zero|replicas[: =]+0|to 0\b/i, /KEDA|ScaledObject|keda-operator/, /queue|backlog|31842|consumers 0/i, /TriggerAuthentication|keda-rabbitmq-invoice|secret|rotat/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /rabbitmq[^\n]*(down|unavailable|not ready|crash)/i, /invoice-scheduler[^\n]*(cause|broke|fail)/i],
    },
  };
}

// ---- 4. Java 8u252 on cgroup v2: the heap sized from the host on the new AL2023 node group ----------

function java8CgroupV2NewNodeGroup(): CorpusScenario {
  const ns = 'pricing';
  const al2 = ['10.0.20.41', '10.0.52.118', '10.0.97.203'].map((ip, i) => eksNode({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'general-al2', instanceType: 'm6i.4xlarge', createdAgo: (70 + i) * DAYS, osImage: 'Amazon Linux 2', kernel: '5.10.228-219.884.amzn2.x86_64', kubelet: 'v1.30.6-eks-94953ac', containerd: 'containerd://1.7.23', ...M6I_4XL }));
  const al2023 = ['10.0.23.9', '10.0.61.174', '10.0.104.56'].map((ip, i) => eksNode({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'general-al2023', instanceType: 'm6i.4xlarge', createdAgo: 2 * HOURS + 8 - i, osImage: 'Amazon Linux 2023.6.20241121', kernel: '6.1.115-126.197.amzn2023.x86_64', kubelet: 'v1.30.6-eks-94953ac', containerd: 'containerd://1.7.23', ...M6I_4XL }));
  const nodes = [...al2, ...al2023];
  const oldN = al2.map(nameOf);
  const newN = al2023.map(nameOf);
  const image = `${ECR}/pricing/pricing-engine:2.31.4`;
  const tpl = { containers: [container({ image, ports: [8080], cpu: '1', memory: '2Gi', env: [{ name: 'JAVA_OPTS', value: '-XX:+UseParallelGC -Dfile.encoding=UTF-8' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }], readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 20 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] };
  const oom = (finishedAgo: number, ranSeconds: number) => ({ exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 6,
    revisions: [
      { revision: 40, createdAgo: 120 * DAYS, changeCause: 'argocd: pricing-engine 2.31.3', template: { containers: [container({ image: `${ECR}/pricing/pricing-engine:2.31.3`, ports: [8080], cpu: '1', memory: '2Gi' })] } },
      { revision: 41, createdAgo: 45 * DAYS, changeCause: 'argocd: pricing-engine 2.31.4', template: tpl },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 41, node: oldN[k] ?? '', createdAgo: 45 * DAYS - k })),
      { revision: 41, node: newN[0] ?? '', createdAgo: 118, containers: { app: crashLoop(oom(3.2, 540), 9) } },
      { revision: 41, node: newN[1] ?? '', createdAgo: 117, containers: { app: running({ sinceAgo: 4.1, restarts: 10, last: oom(4.2, 610) }) } },
      { revision: 41, node: newN[2] ?? '', createdAgo: 116, containers: { app: crashLoop(oom(1.4, 575), 9) } },
    ],
    settled: { available: false, availableSince: 3.2, progressingSince: 45 * DAYS - 5 },
  });
  const [a1, a2, a3, b1, b2, b3] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3), podOf(app, 4), podOf(app, 5)];
  const other = bystander(ns, 'pricing-api', oldN, 63, HEALTHY_LOOK);
  const spring = (t: number, thread: string, logger: string, msg: string, level = 'INFO') => `${at(t).replace('T', ' ').replace('Z', '')} ${level.padStart(5)} 1 --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const boot = (t: number, pod: string, max: string) => [
    spring(t, 'main', 'c.a.pricing.PricingEngineApplication', `Starting PricingEngineApplication v2.31.4 using Java 1.8.0_252 on ${pod} with PID 1 (/app/app.jar started by app in /app)`),
    spring(t - 0.05, 'main', 'c.a.pricing.config.JvmInfo', `JVM: OpenJDK 64-Bit Server VM 25.252-b09, gc=ParallelGC, availableProcessors=16, maxMemory=${max}`),
    spring(t - 0.4, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port(s): 8080 (http) with context path \'\''),
    spring(t - 0.4, 'main', 'c.a.pricing.PricingEngineApplication', 'Started PricingEngineApplication in 21.774 seconds (JVM running for 23.012)'),
  ];
  const heap = (t: number, used: string, committed: string, max: string, rss: string) => spring(t, 'metrics-1', 'c.a.pricing.metrics.JvmMetricsLogger', `heap used=${used} committed=${committed} max=${max}; process rss=${rss}; quotes/s=${400 + Math.round(t * 3) % 40}`);
  const crashedRun = (p: k8s.V1Pod, endAgo: number, ranSeconds: number) => {
    const start = endAgo + ranSeconds / 60;
    return lines(...boot(start, nameOf(p), '15.33 GiB'), heap(start - 2, '612.0 MiB', '1.02 GiB', '15.33 GiB', '1.19 GiB'), heap(start - 5, '1.21 GiB', '1.46 GiB', '15.33 GiB', '1.63 GiB'), heap(endAgo + 0.6, '1.64 GiB', '1.88 GiB', '15.33 GiB', '1.97 GiB'));
  };
  const events = [
    ...[b1, b2, b3].flatMap((p, i) => [
      scheduled(p, 118 - i),
      ...restartedAgain(p, 'app', image, { count: 10 + (i === 1 ? 1 : 0), firstAgo: 118 - i - 0.1, lastAgo: i === 1 ? 4.1 : i === 0 ? 12.5 : 10.8 }),
      ...(i === 1 ? [] : [backOff(p, 'app', { count: 31 - i, firstAgo: 105 - i })]),
    ]),
    // The node rotation two hours ago: the AL2 nodes that left, the AL2023 ones that joined.
    ...newN.map((n, i) => nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 2 * HOURS + 7 - i })),
    ...['ip-10-0-18-77.eu-west-1.compute.internal', 'ip-10-0-55-140.eu-west-1.compute.internal', 'ip-10-0-99-12.eu-west-1.compute.internal'].map((n, i) => nodeEvent(n, 'NodeNotSchedulable', `Node ${n} status is now: NodeNotSchedulable`, { firstAgo: 2 * HOURS + 2 - i })),
    // Noise: yesterday's slow readiness on an AL2 pod.
    probeFailed(a2, 'app', 'Readiness', `Get "http://${a2.status?.podIP ?? ''}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS - 0.4 }),
  ];
  return {
    id: 'heldout19-java8-cgroup-v2-heap-from-host',
    class: 'nodes',
    truth: 'pricing-engine runs OpenJDK 8u252 with no -Xmx, so the JVM sizes its heap to 25% of the memory it detects. On the Amazon Linux 2 nodes (cgroup v1) it detects the 2Gi container limit (max heap ~455 MiB) and has run fine for months; 8u252 predates cgroup v2 support (8u372), so on the Amazon Linux 2023 node group (cgroup v2) that took over half the pods in the node rotation two hours ago, the JVM sees the host\'s 64 GiB and allows a ~15 GiB heap, grows past the 2Gi limit under load, and the kernel OOM-kills it (exit 137, OOMKilled) every ~10 minutes. The same revision 41 on the AL2 nodes is fine; nothing in the app changed and it does not leak. Fix: set -Xmx / -XX:MaxRAMPercentage explicitly or move to 8u372+/11+/17 (or keep the pods on AL2 meanwhile); not a rollback, and not a bigger limit.',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...events,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: other.pods }),
    ],
    logs: [
      ...[a1, a2, a3].map((p) => logsFor(p, 'app', { current: lines(heap(2.1, '301.7 MiB', '455.1 MiB', '455.1 MiB', '741.8 MiB'), heap(1.1, '288.4 MiB', '455.1 MiB', '455.1 MiB', '742.0 MiB'), heap(0.1, '322.9 MiB', '455.1 MiB', '455.1 MiB', '742.3 MiB')) })),
      logsFor(b1, 'app', { current: crashedRun(b1, 3.2, 540), previous: crashedRun(b1, 3.2, 540) }),
      logsFor(b2, 'app', { current: lines(...boot(4.1, nameOf(b2), '15.33 GiB'), heap(2.1, '640.2 MiB', '1.02 GiB', '15.33 GiB', '1.21 GiB')), previous: crashedRun(b2, 4.2, 610) }),
      logsFor(b3, 'app', { current: crashedRun(b3, 1.4, 575), previous: crashedRun(b3, 1.4, 575) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OOM|out of memory|137/i, /al2023|Amazon Linux 2023|cgroup|node ?(group|pool)|8u252|1\.8\.0_252|Java 8|JDK 8/i],
      facts: [/OOMKilled|137/, /al2023|Amazon Linux 2023|cgroup ?v2/i, /1\.8\.0_252|8u252|Java 8|JDK 8/i, /15\.33 GiB|64 ?Gi|host memory|maxMemory|max heap/i, /Xmx|MaxRAMPercentage|8u372|upgrade (the )?(JDK|JVM|Java)/i],
      never: [ADVISES_ROLLBACK, /memory leak/i, /(raise|increase|bump|double)[^\n]*(memory )?limit/i, /pricing-api/],
    },
  };
}

// ---- 5. hostPath type: Directory missing on the new AMI ------------------------------------------

function hostPathMissingOnNewAmi(): CorpusScenario {
  const ns = 'risk';
  const oldAmi = 'acme-eks-1.31-al2023-v20261002';
  const newAmi = 'acme-eks-1.31-al2023-v20261118';
  const oldNodes = ['10.0.30.12', '10.0.63.201', '10.0.108.47'].map((ip, i) => eksNode({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'general', instanceType: 'm6i.xlarge', createdAgo: (48 - i) * DAYS, labels: { 'acme.io/ami': oldAmi } }));
  const newNodes = ['10.0.44.230', '10.0.79.18'].map((ip, i) => eksNode({ name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', pool: 'general', instanceType: 'm6i.xlarge', createdAgo: 39 - i, labels: { 'acme.io/ami': newAmi } }));
  const nodes = [...oldNodes, ...newNodes];
  const [o1, o2, o3] = oldNodes.map(nameOf);
  const [n1, n2] = newNodes.map(nameOf);
  const image = `${ECR}/risk/fraud-scorer:7.4.1`;
  const tpl = {
    containers: [container({ image, ports: [8080], cpu: '500m', memory: '1Gi', env: [{ name: 'SSL_CERT_DIR', value: '/etc/ssl/certs:/etc/pki/acme-ca' }, { name: 'REQUESTS_CA_BUNDLE', value: '/etc/pki/acme-ca/acme-root-ca.pem' }], readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 20 }), volumeMounts: [{ name: 'acme-ca', mountPath: '/etc/pki/acme-ca', readOnly: true }] })],
    volumes: [{ name: 'acme-ca', hostPath: { path: '/etc/pki/acme-ca', type: 'Directory' } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'fraud-scorer',
    replicas: 4,
    revisions: [
      { revision: 11, createdAgo: 25 * DAYS, changeCause: 'argocd: fraud-scorer 7.4.0', template: { ...tpl, containers: [container({ image: `${ECR}/risk/fraud-scorer:7.4.0`, ports: [8080], memory: '1Gi' })] } },
      { revision: 12, createdAgo: 10 * DAYS, changeCause: 'argocd: fraud-scorer 7.4.1', template: tpl },
    ],
    pods: [
      { revision: 12, node: o1 ?? '', createdAgo: 10 * DAYS },
      { revision: 12, node: o3 ?? '', createdAgo: 10 * DAYS - 1 },
      { revision: 12, node: n1 ?? '', createdAgo: 34.5, containers: { app: waiting('ContainerCreating') } },
      { revision: 12, node: n2 ?? '', createdAgo: 33.9, containers: { app: waiting('ContainerCreating') } },
    ],
    settled: { available: false, availableSince: 34, progressingSince: 10 * DAYS - 3 },
  });
  const [p1, p2, s1, s2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  const other = bystander(ns, 'fraud-rules-api', [o2 ?? '', n1 ?? ''], 61, HEALTHY_LOOK);
  const events = [
    ...[s1, s2].flatMap((p, i) => {
      const t = i === 0 ? 34.5 : 33.9;
      return [
        scheduled(p, t),
        event({ on: p, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "acme-ca" : hostPath type check failed: /etc/pki/acme-ca is not a directory', count: 24, firstAgo: t - 0.02, lastAgo: 1.3 + i }),
        event({ on: p, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[acme-ca], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 15, firstAgo: t - 2, lastAgo: 0.9 + i }),
      ];
    }),
    // The node group's AMI update: two old nodes drained and replaced 35-40 minutes ago.
    ...[n1, n2].map((n, i) => nodeEvent(n ?? '', 'NodeReady', `Node ${n ?? ''} status is now: NodeReady`, { firstAgo: 38 - i })),
    ...['ip-10-0-47-150.eu-west-1.compute.internal', 'ip-10-0-70-33.eu-west-1.compute.internal'].map((n, i) => nodeEvent(n, 'NodeNotSchedulable', `Node ${n} status is now: NodeNotSchedulable`, { firstAgo: 36 - i })),
    // Noise: a readiness blip yesterday on a pod that is fine today.
    probeFailed(p2, 'app', 'Readiness', `Get "http://${p2.status?.podIP ?? ''}:8080/health/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 17 * HOURS, lastAgo: 17 * HOURS - 0.2 }),
  ];
  const uvicorn = (t: number, path: string) => `INFO:     10.0.${t > 1 ? 31 : 64}.${Math.round(t * 7) % 200 + 2}:${40000 + Math.round(t * 977) % 20000} - "POST ${path} HTTP/1.1" 200 OK`;
  return {
    id: 'heldout19-hostpath-directory-missing-new-ami',
    class: 'storage',
    truth: 'fraud-scorer mounts the corporate CA from the node with a hostPath volume acme-ca (/etc/pki/acme-ca, type: Directory), a directory the old node AMI (v20261002) baked in. The node group moved to the new AMI v20261118 today, which no longer ships /etc/pki/acme-ca; the two pods rescheduled onto the two new nodes by the drain 35 minutes ago stay ContainerCreating because the kubelet refuses the volume (hostPath type check failed: /etc/pki/acme-ca is not a directory). The two pods on old-AMI nodes run; revision 12 (10 days old) is not the cause. Fix: put the CA back on the AMI (or ship it with a ConfigMap/trust bundle instead of a hostPath), then let the pods start.',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...events,
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fraud-rules-api', selector: { app: 'fraud-rules-api' }, pods: other.pods }),
    ],
    logs: [
      ...[p1, p2].map((p) => logsFor(p, 'app', { current: lines(uvicorn(2.2, '/v2/score'), uvicorn(1.4, '/v2/score'), uvicorn(0.3, '/v2/score')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/acme-ca|hostPath|\/etc\/pki/i],
      facts: [/hostPath type check failed|is not a directory/, lit('/etc/pki/acme-ca'), /AMI|v20261118|new nodes?|node image/i, /ContainerCreating|FailedMount/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /PersistentVolume|PVC|claim/i, /ImagePull|image pull/i, /fraud-rules-api/],
    },
  };
}

// ---- 6. An operator still watching policy/v1beta1 PodDisruptionBudgets after the 1.25 upgrade ------

function operatorRemovedApiAfterUpgrade(): CorpusScenario {
  const ns = 'platform-system';
  const k125 = { kubelet: 'v1.25.16-eks-59bf375', osImage: 'Amazon Linux 2', kernel: '5.10.227-219.884.amzn2.x86_64', containerd: 'containerd://1.7.22' };
  const rotated = ['10.0.26.88', '10.0.58.131', '10.0.101.240'].map((ip, i) => eksNode({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'general', instanceType: 'm6i.xlarge', createdAgo: 47 - 2 * i, ...k125 }));
  const leaving = eksNode({ name: eksNodeName('10.0.35.17'), zone: 'eu-west-1a', pool: 'general', instanceType: 'm6i.xlarge', createdAgo: 160 * DAYS, kubelet: 'v1.24.17-eks-5e0fdde', osImage: 'Amazon Linux 2', kernel: '5.10.186-179.751.amzn2.x86_64', containerd: 'containerd://1.6.19' });
  if (leaving.spec) leaving.spec = { ...leaving.spec, unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(44) }] };
  const nodes = [...rotated, leaving];
  const names = rotated.map(nameOf);
  const image = `${ECR}/platform/tenant-operator:v0.9.3`;
  const tpl = {
    containers: [container({ name: 'manager', image, command: ['/manager'], args: ['--leader-elect', '--health-probe-bind-address=:8081', '--metrics-bind-address=127.0.0.1:8080'], ports: [], cpu: '100m', memory: '128Mi', memoryLimit: '256Mi', readiness: httpProbe('/readyz', 8081, { initialDelaySeconds: 5 }), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15, periodSeconds: 20 }), securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } })],
    serviceAccountName: 'tenant-operator-controller-manager',
    securityContext: { runAsNonRoot: true },
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'tenant-operator',
    replicas: 1,
    selector: { 'control-plane': 'controller-manager', 'app.kubernetes.io/name': 'tenant-operator' },
    revisions: [
      { revision: 8, createdAgo: 300 * DAYS, changeCause: 'argocd: tenant-operator v0.9.2', template: { ...tpl, containers: [container({ name: 'manager', image: `${ECR}/platform/tenant-operator:v0.9.2`, ports: [] })] } },
      { revision: 9, createdAgo: 240 * DAYS, changeCause: 'argocd: tenant-operator v0.9.3', template: tpl },
    ],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 43.5, containers: { manager: crashLoop({ exitCode: 1, reason: 'Error', finishedAgo: 2.6, ranSeconds: 121 }, 8) } }],
    settled: { available: false, availableSince: 41, progressingSince: 240 * DAYS - 2 },
  });
  const pod = podOf(app, 0);
  const other = bystander(ns, 'tenant-portal', [names[0] ?? '', names[2] ?? ''], 51, HEALTHY_LOOK);
  const crLog = (t: number, level: string, logger: string, msg: string, kv = '') => `${goTime(t)}\t${level}\t${logger ? logger + '\t' : ''}${msg}${kv ? '\t' + kv : ''}`;
  const ctl = '"controller": "tenant", "controllerGroup": "platform.acme.io", "controllerKind": "Tenant"';
  const run = (end: number) => {
    const start = end + 121 / 60;
    const noKind = (t: number) => [
      crLog(t, 'ERROR', 'controller-runtime.source', 'if kind is a CRD, it should be installed before calling Start', '{"kind": "PodDisruptionBudget.policy", "error": "no matches for kind \\"PodDisruptionBudget\\" in version \\"policy/v1beta1\\""}'),
      'sigs.k8s.io/controller-runtime/pkg/source.(*Kind).Start.func1.1',
      '\t/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.12.3/pkg/source/source.go:139',
      'k8s.io/apimachinery/pkg/util/wait.ConditionFunc.WithContext.func1',
      '\t/go/pkg/mod/k8s.io/apimachinery@v0.24.2/pkg/util/wait/wait.go:233',
    ];
    return lines(
      crLog(start, 'INFO', 'controller-runtime.metrics', 'Metrics server is starting to listen', '{"addr": "127.0.0.1:8080"}'),
      crLog(start, 'INFO', 'setup', 'starting manager'),
      crLog(start, 'INFO', '', 'Starting server', '{"path": "/metrics", "kind": "metrics", "addr": "127.0.0.1:8080"}'),
      crLog(start, 'INFO', '', 'Starting server', '{"kind": "health probe", "addr": "[::]:8081"}'),
      klog('I', start, 'leaderelection.go:248', 'attempting to acquire leader lease platform-system/3c1f9a2e.platform.acme.io...'),
      klog('I', start - 0.02, 'leaderelection.go:258', 'successfully acquired lease platform-system/3c1f9a2e.platform.acme.io'),
      crLog(start - 0.02, 'DEBUG', 'events', 'Normal', `{"object": {"kind":"Lease","namespace":"platform-system","name":"3c1f9a2e.platform.acme.io","uid":"${uidOf('lease/tenant-operator')}","apiVersion":"coordination.k8s.io/v1","resourceVersion":"918273645"}, "reason": "LeaderElection", "message": "${nameOf(pod)}_${uidOf('leader/' + String(end))} became leader"}`),
      crLog(start - 0.02, 'INFO', '', 'Starting EventSource', `{${ctl}, "source": "kind source: *v1alpha1.Tenant"}`),
      crLog(start - 0.02, 'INFO', '', 'Starting EventSource', `{${ctl}, "source": "kind source: *v1.Namespace"}`),
      crLog(start - 0.02, 'INFO', '', 'Starting EventSource', `{${ctl}, "source": "kind source: *v1.ResourceQuota"}`),
      crLog(start - 0.02, 'INFO', '', 'Starting EventSource', `{${ctl}, "source": "kind source: *v1.RoleBinding"}`),
      crLog(start - 0.02, 'INFO', '', 'Starting EventSource', `{${ctl}, "source": "kind source: *v1beta1.PodDisruptionBudget"}`),
      crLog(start - 0.02, 'INFO', '', 'Starting Controller', `{${ctl}}`),
      ...noKind(start - 0.05), ...noKind(start - 0.2), ...noKind(start - 1.0), ...noKind(end + 0.1),
      crLog(end, 'ERROR', '', 'Could not wait for Cache to sync', `{${ctl}, "error": "failed to wait for tenant caches to sync: timed out waiting for cache to be synced"}`),
      crLog(end, 'INFO', '', 'Stopping and waiting for non leader election runnables'),
      crLog(end, 'INFO', '', 'Stopping and waiting for leader election runnables'),
      crLog(end, 'INFO', '', 'Stopping and waiting for caches'),
      crLog(end, 'INFO', '', 'Stopping and waiting for webhooks'),
      crLog(end, 'INFO', '', 'Wait completed, proceeding to shutdown the manager'),
      crLog(end, 'ERROR', 'setup', 'problem running manager', '{"error": "failed to wait for tenant caches to sync: timed out waiting for cache to be synced"}'),
      'main.main',
      '\t/workspace/main.go:131',
      'runtime.main',
      '\t/usr/local/go/src/runtime/proc.go:250',
    );
  };
  const events = [
    scheduled(pod, 43.5),
    ...restartedAgain(pod, 'manager', image, { count: 9, firstAgo: 43.4, lastAgo: 4.7 }),
    backOff(pod, 'manager', { count: 24, firstAgo: 39 }),
    event({ on: { kind: 'ReplicaSet', name: rsOf(app, 9), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(pod)}`, firstAgo: 43.5, lastAgo: 43.5, component: 'replicaset-controller' }),
    // The upgrade's node rotation: new 1.25 nodes, the last 1.24 node cordoned and drained.
    ...names.map((n, i) => nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 46 - 2 * i })),
    nodeEvent(nameOf(leaving), 'NodeNotSchedulable', `Node ${nameOf(leaving)} status is now: NodeNotSchedulable`, { firstAgo: 44 }),
  ];
  return {
    id: 'heldout19-operator-removed-api-after-upgrade',
    class: 'config',
    truth: 'The EKS control plane was upgraded from 1.24 to 1.25 an hour ago; 1.25 no longer serves policy/v1beta1 PodDisruptionBudget. The in-house tenant-operator (controller-runtime v0.12, unchanged for eight months, revision 9) still watches PodDisruptionBudgets in policy/v1beta1: since the node rotation restarted it 43 minutes ago, every start fails with no matches for kind "PodDisruptionBudget" in version "policy/v1beta1", the caches never sync, the manager exits 1 after two minutes and the pod is in CrashLoopBackOff. Tenants are not reconciled. Fix: move the operator to policy/v1 (and current client libraries) and redeploy; rolling back the operator does not help, the API is gone.',
    ask: { service: 'tenant-operator', namespace: ns },
    objects: [...nodes, ...app.objects, ...other.objects, ...events, ...exposed({ namespace: ns, name: 'tenant-portal', selector: { app: 'tenant-portal' }, pods: other.pods })],
    logs: [logsFor(pod, 'manager', { current: run(2.6), previous: run(2.6) })],
    expect: {
      verdict: 'problems',
      headline: [/v1beta1|PodDisruptionBudget|removed API|no matches for kind/i],
      facts: [lit('policy/v1beta1'), /no matches for kind/, /1\.25/, /policy\/v1\b|migrat|(update|upgrade|bump)[^\n]*(operator|controller-runtime|client|API version)/i, /CrashLoopBackOff|exit(ed)?( with)?( code)? 1\b/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /liveness/i, /ImagePull|image pull/i, /tenant-portal/, /RBAC|forbidden|permission/i],
    },
  };
}

// ---- 7. Healthy control: a StatefulSet in the middle of its rolling update ------------------------

function statefulSetMidRollingUpdate(): CorpusScenario {
  const ns = 'data-platform';
  const { nodes, names } = threeEksNodes('10.0.160', ['14', '122', '201']);
  const image = (v: string) => `confluentinc/cp-kafka-connect:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'connect',
      image: image(v),
      ports: [{ name: 'rest', containerPort: 8083 }, { name: 'jmx', containerPort: 5555 }],
      cpu: '1',
      memory: '3Gi',
      env: [{ name: 'CONNECT_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka-headless.data-platform.svc:9092,kafka-1.kafka-headless.data-platform.svc:9092' }, { name: 'CONNECT_GROUP_ID', value: 'connect-cluster' }, { name: 'KAFKA_HEAP_OPTS', value: '-Xms1g -Xmx2g' }],
      readiness: httpProbe('/connectors', 8083, { initialDelaySeconds: 10, periodSeconds: 15, timeoutSeconds: 5 }),
      liveness: httpProbe('/', 8083, { initialDelaySeconds: 180, periodSeconds: 20, timeoutSeconds: 5 }),
    })],
  });
  const sts = statefulSetApp({
    namespace: ns,
    name: 'kafka-connect',
    replicas: 3,
    serviceName: 'kafka-connect-headless',
    revisions: [
      { revision: 7, createdAgo: 20 * DAYS, template: tpl('7.7.1') },
      { revision: 8, createdAgo: 4.2, template: tpl('7.7.2') },
    ],
    pods: [
      { revision: 7, ordinal: 0, node: names[0] ?? '', createdAgo: 20 * DAYS, containers: { connect: running({ sinceAgo: 9 * DAYS, restarts: 1, last: { exitCode: 1, reason: 'Error', finishedAgo: 9 * DAYS, ranSeconds: 11 * DAYS * 60 } }) } },
      { revision: 8, ordinal: 1, node: names[1] ?? '', createdAgo: 0.72, containers: { connect: running({ sinceAgo: 0.67, ready: false }) } },
      { revision: 8, ordinal: 2, node: names[2] ?? '', createdAgo: 3.8, containers: { connect: running({ sinceAgo: 3.7 }) } },
    ],
  });
  const [c0, c1, c2] = [podOf(sts, 0), podOf(sts, 1), podOf(sts, 2)];
  const other = bystander(ns, 'schema-registry', [names[0] ?? '', names[2] ?? ''], 6 * HOURS, HEALTHY_LOOK);
  const stsRef = { kind: 'StatefulSet', name: 'kafka-connect', namespace: ns };
  const ip1 = c1.status?.podIP ?? '';
  const events = [
    event({ on: stsRef, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod kafka-connect-2 in StatefulSet kafka-connect successful', firstAgo: 4.1, lastAgo: 4.1, component: 'statefulset-controller' }),
    event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod kafka-connect-2 in StatefulSet kafka-connect successful', firstAgo: 3.8, lastAgo: 3.8, component: 'statefulset-controller' }),
    event({ on: stsRef, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod kafka-connect-1 in StatefulSet kafka-connect successful', firstAgo: 1.2, lastAgo: 1.2, component: 'statefulset-controller' }),
    event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod kafka-connect-1 in StatefulSet kafka-connect successful', firstAgo: 0.72, lastAgo: 0.72, component: 'statefulset-controller' }),
    event({ on: { kind: 'Pod', name: 'kafka-connect-2', namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container connect', firstAgo: 4.1, lastAgo: 4.1, fieldPath: 'spec.containers{connect}' }),
    event({ on: { kind: 'Pod', name: 'kafka-connect-1', namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container connect', firstAgo: 1.2, lastAgo: 1.2, fieldPath: 'spec.containers{connect}' }),
    scheduled(c2, 3.8),
    event({ on: c2, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('7.7.2')}"`, firstAgo: 3.79, lastAgo: 3.79, fieldPath: 'spec.containers{connect}' }),
    event({ on: c2, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('7.7.2')}" in 5.873s (5.873s including waiting). Image size: 702114539 bytes.`, firstAgo: 3.7, lastAgo: 3.7, fieldPath: 'spec.containers{connect}' }),
    event({ on: c2, type: 'Normal', reason: 'Created', message: 'Created container connect', firstAgo: 3.7, lastAgo: 3.7, fieldPath: 'spec.containers{connect}' }),
    event({ on: c2, type: 'Normal', reason: 'Started', message: 'Started container connect', firstAgo: 3.7, lastAgo: 3.7, fieldPath: 'spec.containers{connect}' }),
    probeFailed(c2, 'connect', 'Readiness', `Get "http://${c2.status?.podIP ?? ''}:8083/connectors": dial tcp ${c2.status?.podIP ?? ''}:8083: connect: connection refused`, { count: 3, firstAgo: 3.5, lastAgo: 3.0 }),
    scheduled(c1, 0.72),
    event({ on: c1, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('7.7.2')}"`, firstAgo: 0.71, lastAgo: 0.71, fieldPath: 'spec.containers{connect}' }),
    event({ on: c1, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('7.7.2')}" in 2.641s (2.641s including waiting). Image size: 702114539 bytes.`, firstAgo: 0.68, lastAgo: 0.68, fieldPath: 'spec.containers{connect}' }),
    event({ on: c1, type: 'Normal', reason: 'Created', message: 'Created container connect', firstAgo: 0.67, lastAgo: 0.67, fieldPath: 'spec.containers{connect}' }),
    event({ on: c1, type: 'Normal', reason: 'Started', message: 'Started container connect', firstAgo: 0.67, lastAgo: 0.67, fieldPath: 'spec.containers{connect}' }),
    probeFailed(c1, 'connect', 'Readiness', `Get "http://${ip1}:8083/connectors": dial tcp ${ip1}:8083: connect: connection refused`, { count: 2, firstAgo: 0.5, lastAgo: 0.25 }),
  ];
  const l4j = (t: number, level: string, msg: string, where: string) => `[${at(t).replace('T', ' ').replace('Z', '').replace('.', ',')}] ${level} ${msg} (${where})`;
  const worker = (n: number) => `[Worker clientId=connect-kafka-connect-${n}.kafka-connect-headless.data-platform.svc:8083, groupId=connect-cluster]`;
  return {
    id: 'heldout19-statefulset-mid-rolling-update',
    class: 'healthy',
    truth: 'Nothing is wrong: the kafka-connect StatefulSet is rolling from revision 7 (cp-kafka-connect 7.7.1) to revision 8 (7.7.2), highest ordinal first. kafka-connect-2 was updated four minutes ago and is Ready, kafka-connect-1 was recreated 40 seconds ago and is still loading its plugins (its readiness probe is refused until the REST server listens, as on every start), and kafka-connect-0 still runs revision 7 and will be updated next. The connector tasks rebalance onto the ready workers; nothing to fix.',
    ask: { service: 'kafka-connect', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...other.objects, ...events,
      ...exposed({ namespace: ns, name: 'kafka-connect', selector: { app: 'kafka-connect' }, pods: sts.pods, ports: [{ name: 'rest', port: 8083, targetPort: 8083 }], endpointPort: 8083 }),
      ...exposed({ namespace: ns, name: 'kafka-connect-headless', selector: { app: 'kafka-connect' }, pods: sts.pods, ports: [{ name: 'rest', port: 8083, targetPort: 8083 }], endpointPort: 8083, headless: true }),
      ...exposed({ namespace: ns, name: 'schema-registry', selector: { app: 'schema-registry' }, pods: other.pods }),
    ],
    logs: [
      logsFor(c1, 'connect', { current: lines(
        '===> User', 'uid=1000(appuser) gid=1000(appuser) groups=1000(appuser)', '===> Configuring ...', '===> Running preflight checks ... ', '===> Check if Kafka is healthy ...', '===> Launching ... ', '===> Launching kafka-connect ... ',
        l4j(0.62, 'INFO', 'WorkerInfo values: \n\tjvm.args = -Xms1g, -Xmx2g, -XX:+UseG1GC', 'org.apache.kafka.connect.runtime.WorkerInfo:71'),
        l4j(0.6, 'INFO', 'Scanning for plugin classes. This might take a moment ...', 'org.apache.kafka.connect.cli.AbstractConnectCli:120'),
        l4j(0.55, 'INFO', 'Loading plugin from: /usr/share/confluent-hub-components/debezium-debezium-connector-postgresql', 'org.apache.kafka.connect.runtime.isolation.PluginScanner:75'),
        l4j(0.31, 'INFO', 'Loading plugin from: /usr/share/confluent-hub-components/confluentinc-kafka-connect-s3', 'org.apache.kafka.connect.runtime.isolation.PluginScanner:75'),
        l4j(0.05, 'INFO', 'Loading plugin from: /usr/share/confluent-hub-components/confluentinc-kafka-connect-jdbc', 'org.apache.kafka.connect.runtime.isolation.PluginScanner:75'),
      ) }),
      logsFor(c2, 'connect', { current: lines(
        l4j(3.1, 'INFO', 'REST server listening at http://' + (c2.status?.podIP ?? '') + ':8083/, advertising URL http://kafka-connect-2.kafka-connect-headless.data-platform.svc:8083/', 'org.apache.kafka.connect.runtime.rest.RestServer:230'),
        l4j(1.1, 'INFO', `${worker(2)} Rebalance started`, 'org.apache.kafka.connect.runtime.distributed.WorkerCoordinator:242'),
        l4j(1.0, 'INFO', `${worker(2)} Joined group at generation 418 with protocol version 2 and got assignment: Assignment{error=0, leader='connect-kafka-connect-0', leaderUrl='http://kafka-connect-0.kafka-connect-headless.data-platform.svc:8083/', offset=2291, connectorIds=[pg-orders-cdc], taskIds=[pg-orders-cdc-0, s3-orders-sink-1], revokedConnectorIds=[], revokedTaskIds=[], delay=0} with rebalance delay: 0`, 'org.apache.kafka.connect.runtime.distributed.DistributedHerder:2486'),
        l4j(0.4, 'INFO', 'WorkerSourceTask{id=pg-orders-cdc-0} Committing offsets for 1822 acknowledged messages', 'org.apache.kafka.connect.runtime.WorkerSourceTask:233'),
      ) }),
      logsFor(c0, 'connect', { current: lines(
        l4j(1.1, 'INFO', `${worker(0)} Rebalance started`, 'org.apache.kafka.connect.runtime.distributed.WorkerCoordinator:242'),
        l4j(1.0, 'INFO', `${worker(0)} Finished assignment for group at generation 418: {...}`, 'org.apache.kafka.connect.runtime.distributed.WorkerCoordinator:417'),
        l4j(0.4, 'INFO', 'WorkerSinkTask{id=s3-orders-sink-0} Committing offsets asynchronously using sequence number 52711', 'org.apache.kafka.connect.runtime.WorkerSinkTask:353'),
      ) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally|all (\d+ )?(pods )?(are )?ready|\d\/\d|rolling update|update in progress/i],
      facts: [/kafka-connect/],
      never: [ADVISES_ROLLBACK, /crash ?loop/i, /\bOOM/, /(stuck|stalled|failed|failing) (rolling )?(update|rollout)|rollout[^\n]*(stuck|stalled|failed)/i, /kafka-connect-1[^\n]*(fail|broken|crash|unhealthy)/i, /connection refused/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  autoscalerInsufficientInstanceCapacity(),
  linkerdTrustAnchorExpired(),
  kedaScalerAuthWorkerAtZero(),
  java8CgroupV2NewNodeGroup(),
  hostPathMissingOnNewAmi(),
  operatorRemovedApiAfterUpgrade(),
  statefulSetMidRollingUpdate(),
];
